/** The values of every lever of the dashboard, in the units shown on the page. */
export interface LeverValues {
  /** Pledge target, % of GDP. */
  pledgeTarget: number;
  /** Year the pledge is due. */
  pledgeBy: number;
  /** Share of the gap to the pledge the allies close, 0–1. */
  compliance: number;
  rusElasticity: number;
  /** Russia's adjustment speed, 1/years. */
  rusSpeed: number;
  alliesElasticity: number;
  /** Whether Russia's war burden ends (otherwise it is ongoing). */
  warEnds: boolean;
  warUntil: number;
  warFadeYears: number;
  joinUKR: boolean;
  yearUKR: number;
  joinGEO: boolean;
  yearGEO: number;
  joinMDA: boolean;
  yearMDA: number;
  /** Length over which proximity to the adversary fades, km. */
  decayKm: number;
  /** Share of US capability counted in Europe however far away, 0–0.5. */
  usFloor: number;
}

export type LeverKey = keyof LeverValues;

export const DEFAULT_LEVERS: Readonly<LeverValues> = {
  pledgeTarget: 3.5,
  pledgeBy: 2035,
  compliance: 0.8,
  rusElasticity: 1,
  rusSpeed: 0.4,
  alliesElasticity: 0.3,
  warEnds: false,
  warUntil: 2026,
  warFadeYears: 3,
  joinUKR: false,
  yearUKR: 2035,
  joinGEO: false,
  yearGEO: 2035,
  joinMDA: false,
  yearMDA: 2035,
  decayKm: 1500,
  usFloor: 0.25,
};

/** The range of a numeric lever. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const RANGES: Readonly<Record<string, Range>> = {
  pledgeTarget: { min: 2, max: 5, step: 0.1 },
  pledgeBy: { min: 2030, max: 2040, step: 1 },
  compliance: { min: 0, max: 1, step: 0.05 },
  rusElasticity: { min: 0, max: 2, step: 0.05 },
  rusSpeed: { min: 0.05, max: 1.5, step: 0.05 },
  alliesElasticity: { min: 0, max: 2, step: 0.05 },
  warUntil: { min: 2026, max: 2035, step: 1 },
  warFadeYears: { min: 0, max: 10, step: 1 },
  yearUKR: { min: 2026, max: 2045, step: 1 },
  yearGEO: { min: 2026, max: 2045, step: 1 },
  yearMDA: { min: 2026, max: 2045, step: 1 },
  decayKm: { min: 500, max: 3000, step: 50 },
  usFloor: { min: 0, max: 0.5, step: 0.01 },
};

export const CANDIDATES = ['UKR', 'GEO', 'MDA'] as const;

/** Scenario years of the dashboard's runs. */
export const START = 2025;
export const END = 2050;

/** Round away the binary noise of range steps (0.30000000000000004). */
const tidy = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Responses the levers do not move, held at MODEL.md's assumed values so that the page's defaults
 * form one coherent set (ε 0.3, Russia 1.0, λ 0.4, η 0) rather than mixing them with the fit of
 * `data/fitted.json`, which the command line uses by default (docs/estimation.md).
 */
export const FIXED_RESPONSES = { spillIn: 0, alliesSpeed: 0.4 } as const;

/** The scenario object (schema of docs/scenario.md) of the lever values. */
export function toScenario(v: LeverValues, name?: string): Record<string, unknown> {
  const enlargement = CANDIDATES.filter((c) => v[`join${c}` as const]).map((c) => ({
    country: c,
    year: v[`year${c}` as const],
  }));
  return {
    ...(name === undefined || name.trim() === '' ? {} : { name: name.trim() }),
    start: START,
    end: END,
    pledges: [{ name: 'Pledge', target: `${tidy(v.pledgeTarget)}%`, from: START, by: v.pledgeBy }],
    compliance: { default: tidy(v.compliance) },
    response: {
      default: {
        elasticity: tidy(v.alliesElasticity),
        spill_in: FIXED_RESPONSES.spillIn,
        speed: FIXED_RESPONSES.alliesSpeed,
      },
      RUS: { elasticity: tidy(v.rusElasticity), speed: tidy(v.rusSpeed) },
    },
    war: { RUS: { until: v.warEnds ? v.warUntil : null, fade_years: v.warFadeYears } },
    ...(enlargement.length > 0 ? { enlargement } : {}),
    geography: { decay_km: v.decayKm, floor: { USA: tidy(v.usFloor) } },
  };
}

/** The lever values as the URL hash: base64url of their JSON, only the values that differ from the defaults. */
export function encodeLevers(v: LeverValues): string {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_LEVERS) as LeverKey[]) {
    if (v[key] !== DEFAULT_LEVERS[key]) changed[key] = v[key];
  }
  const json = JSON.stringify(changed);
  if (json === '{}') return '';
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The lever values of a URL hash; anything missing, unknown or out of range takes its default. */
export function decodeLevers(hash: string): LeverValues {
  const values: LeverValues = { ...DEFAULT_LEVERS };
  const text = hash.replace(/^#/, '');
  if (text === '') return values;
  let parsed: unknown;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return values;
  }
  if (parsed === null || typeof parsed !== 'object') return values;
  const record = values as unknown as Record<string, unknown>;
  for (const [key, raw] of Object.entries(parsed)) {
    if (!(key in DEFAULT_LEVERS)) continue;
    const fallback = record[key];
    if (typeof fallback === 'boolean' && typeof raw === 'boolean') record[key] = raw;
    const range = RANGES[key];
    if (typeof fallback === 'number' && typeof raw === 'number' && range !== undefined) {
      if (Number.isFinite(raw) && raw >= range.min && raw <= range.max) record[key] = raw;
    }
  }
  return values;
}

/** A scenario's values for the levers, and the names of its fields the levers cannot show. */
export interface FromScenario {
  readonly values: LeverValues;
  readonly ignored: readonly string[];
}

const LEVER_FIELDS = new Set(['name', 'description', 'start', 'end', 'pledges', 'compliance', 'response', 'war']);
const MORE_FIELDS = new Set(['enlargement', 'geography']);

function clampTo(key: LeverKey, value: unknown, values: LeverValues): void {
  const range = RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || range === undefined) return;
  (values as unknown as Record<string, number>)[key] = Math.min(range.max, Math.max(range.min, value));
}

interface ScenarioShape {
  pledges?: readonly { target: number; by: number }[];
  compliance?: Record<string, number | 'trend'>;
  response?: Record<string, { elasticity?: number; speed?: number }>;
  war?: Record<string, { until?: number | null; fade_years?: number }>;
  enlargement?: readonly { country: string; year: number }[];
  geography?: { decay_km?: number; floor?: Record<string, number> };
}

/** The lever values of a validated scenario (shares as fractions); out-of-range values are clamped. */
export function fromScenario(input: ScenarioShape & Record<string, unknown>): FromScenario {
  const values: LeverValues = { ...DEFAULT_LEVERS };
  const ignored = Object.keys(input).filter((k) => !LEVER_FIELDS.has(k) && !MORE_FIELDS.has(k));
  const pledge = (input.pledges ?? []).reduce<{ target: number; by: number } | undefined>(
    (a, p) => (a === undefined || p.target > a.target ? p : a),
    undefined,
  );
  if (pledge !== undefined) {
    clampTo('pledgeTarget', Math.round(pledge.target * 1000) / 10, values);
    clampTo('pledgeBy', pledge.by, values);
  }
  clampTo('compliance', input.compliance?.default, values);
  clampTo('rusElasticity', input.response?.RUS?.elasticity, values);
  clampTo('rusSpeed', input.response?.RUS?.speed, values);
  clampTo('alliesElasticity', input.response?.default?.elasticity, values);
  const war = input.war?.RUS;
  if (typeof war?.until === 'number') {
    values.warEnds = true;
    clampTo('warUntil', war.until, values);
  }
  clampTo('warFadeYears', war?.fade_years, values);
  for (const e of input.enlargement ?? []) {
    const c = CANDIDATES.find((k) => k === e.country);
    if (c === undefined) {
      ignored.push(`enlargement of ${e.country}`);
      continue;
    }
    values[`join${c}` as const] = true;
    clampTo(`year${c}` as const, e.year, values);
  }
  clampTo('decayKm', input.geography?.decay_km, values);
  clampTo('usFloor', input.geography?.floor?.USA, values);
  return { values, ignored };
}
