import type { FittedDefaults } from '../../src/core/data/fitted.js';
import { DEFAULTS } from '../../src/core/scenario/defaults.js';

/** The values of every lever of the dashboard, in the units shown on the page. */
export interface LeverValues {
  /** Pledge target, % of GDP. */
  pledgeTarget: number;
  /** Year the pledge is due. */
  pledgeBy: number;
  /** Share of the gap to the pledge the allies close, 0–1. */
  compliance: number;
  /** Compliance of single allies (ISO3 → 0–1), overriding `compliance`. */
  complianceByAlly: Record<string, number>;
  rusElasticity: number;
  /** Russia's adjustment speed, 1/years. */
  rusSpeed: number;
  alliesElasticity: number;
  /** Allies' response to one another's spending (η). */
  alliesSpillIn: number;
  /** Allies' adjustment speed, 1/years. */
  alliesSpeed: number;
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
  /** Whether the long-run GDP growth rates below replace the IMF projections' trend. */
  growthSet: boolean;
  /** Allies' real GDP growth after the IMF projections, a year. */
  growthAllies: number;
  /** Russia's real GDP growth after the IMF projections, a year. */
  growthRUS: number;
  /** Length over which proximity to the adversary fades, km. */
  decayKm: number;
  /** Share of US capability counted in Europe however far away, 0–0.5. */
  usFloor: number;
  /** Whether an ensemble runs beside the deterministic run. */
  ensembleOn: boolean;
  /** Members of the ensemble. */
  ensembleRuns: number;
}

export type LeverKey = keyof LeverValues;

/** One fitted response with its 95 % bootstrap interval (data/fitted.json). */
export interface FittedValue {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** The fitted responses the levers start from, as the simulation worker reports them. */
export interface FittedResponses {
  readonly elasticity: FittedValue;
  readonly elasticity_RUS: FittedValue;
  readonly spill_in: FittedValue;
  readonly speed: FittedValue;
  readonly speed_RUS: FittedValue;
}

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
  rusElasticity: { min: 0, max: 10, step: 0.05 },
  rusSpeed: { min: 0.05, max: 1.5, step: 0.01 },
  alliesElasticity: { min: 0, max: 4, step: 0.05 },
  alliesSpillIn: { min: 0, max: 5, step: 0.05 },
  alliesSpeed: { min: 0.05, max: 1.5, step: 0.01 },
  warUntil: { min: 2026, max: 2035, step: 1 },
  warFadeYears: { min: 0, max: 10, step: 1 },
  yearUKR: { min: 2026, max: 2045, step: 1 },
  yearGEO: { min: 2026, max: 2045, step: 1 },
  yearMDA: { min: 2026, max: 2045, step: 1 },
  growthAllies: { min: -0.02, max: 0.05, step: 0.0025 },
  growthRUS: { min: -0.03, max: 0.05, step: 0.0025 },
  decayKm: { min: 500, max: 3000, step: 50 },
  usFloor: { min: 0, max: 0.5, step: 0.01 },
  ensembleRuns: { min: 50, max: 1000, step: 50 },
};

/** The range of each ally's compliance in the per-ally table. */
export const ALLY_COMPLIANCE_RANGE: Range = RANGES.compliance as Range;

export const CANDIDATES = ['UKR', 'GEO', 'MDA'] as const;

/** Scenario years of the dashboard's runs: the core's defaults (the latest year of burden data to 2050). */
export const START: number = DEFAULTS.start;
export const END: number = DEFAULTS.end;

/** Seed of the page's ensembles: the same levers give the same fan. */
export const ENSEMBLE_SEED = 1;

/** Round away the binary noise of range steps (0.30000000000000004). */
const tidy = (v: number) => Math.round(v * 1e6) / 1e6;

/** `value` on the grid of `range` (a range input cannot hold anything else) and inside it. */
export function snap(value: number, range: Range): number {
  const k = Math.round((value - range.min) / range.step);
  return tidy(Math.min(range.max, Math.max(range.min, range.min + k * range.step)));
}

const snapTo = (key: string, value: number) => snap(value, RANGES[key] as Range);

/**
 * The levers' defaults. The four responses start at the committed fit (data/fitted.json), as the
 * command line's default scenario does, snapped to the levers' steps; without a fit they take
 * the model's assumed values (docs/model.md). The rest are the scenario defaults of docs/scenario.md.
 */
export function leverDefaults(fitted?: FittedResponses): LeverValues {
  const rusElasticity = fitted?.elasticity_RUS.estimate ?? DEFAULTS.elasticityByActor.RUS ?? DEFAULTS.elasticity;
  const speed = fitted?.speed.estimate ?? DEFAULTS.speed;
  return {
    pledgeTarget: DEFAULTS.pledge.target * 100,
    pledgeBy: DEFAULTS.pledge.by,
    compliance: DEFAULTS.compliance,
    complianceByAlly: {},
    rusElasticity: snapTo('rusElasticity', rusElasticity),
    rusSpeed: snapTo('rusSpeed', fitted?.speed_RUS.estimate ?? speed),
    alliesElasticity: snapTo('alliesElasticity', fitted?.elasticity.estimate ?? DEFAULTS.elasticity),
    alliesSpillIn: snapTo('alliesSpillIn', fitted?.spill_in.estimate ?? DEFAULTS.spillIn),
    alliesSpeed: snapTo('alliesSpeed', speed),
    warEnds: false,
    warUntil: 2026,
    warFadeYears: DEFAULTS.warFadeYears,
    joinUKR: false,
    yearUKR: 2035,
    joinGEO: false,
    yearGEO: 2035,
    joinMDA: false,
    yearMDA: 2035,
    growthSet: false,
    growthAllies: 0.015,
    growthRUS: 0.01,
    decayKm: DEFAULTS.decayKm,
    usFloor: DEFAULTS.floorByActor.USA ?? 0,
    ensembleOn: false,
    ensembleRuns: 200,
  };
}

/** The levers' defaults without a fit (the model's assumed responses, docs/model.md). */
export const DEFAULT_LEVERS: Readonly<LeverValues> = leverDefaults();

/**
 * Relative spread of each response in the page's ensembles: the standard deviation of its log
 * implied by the fit's 95 % interval. Without a fit, a stated 30 %.
 */
export function logSpread(value: FittedValue | undefined): number {
  if (value === undefined || !(value.lower > 0) || !(value.upper > value.lower)) return 0.3;
  return (Math.log(value.upper) - Math.log(value.lower)) / (2 * 1.959964);
}

const RESPONSE_PATHS = [
  ['rusElasticity', 'response.RUS.elasticity', 'elasticity_RUS'],
  ['rusSpeed', 'response.RUS.speed', 'speed_RUS'],
  ['alliesElasticity', 'response.default.elasticity', 'elasticity'],
  ['alliesSpillIn', 'response.default.spill_in', 'spill_in'],
  ['alliesSpeed', 'response.default.speed', 'speed'],
] as const;

/**
 * The `ensemble` block of the levers: each response varies lognormally around its lever's value
 * (the median) with the fit's relative spread, drawn independently; GDP takes its shocks.
 */
function ensembleBlock(v: LeverValues, fitted: FittedResponses | undefined): Record<string, unknown> {
  const uncertain: Record<string, unknown> = {};
  for (const [key, path, fit] of RESPONSE_PATHS) {
    const value = v[key];
    if (value > 0) uncertain[path] = { lognormal: [tidy(Math.log(value)), tidy(logSpread(fitted?.[fit]))] };
  }
  return { runs: v.ensembleRuns, seed: ENSEMBLE_SEED, uncertain, gdp_shocks: true };
}

/** The scenario object (schema of docs/scenario.md) of the lever values. */
export function toScenario(
  v: LeverValues,
  options: { readonly name?: string; readonly fitted?: FittedResponses } = {},
): Record<string, unknown> {
  const { name, fitted } = options;
  const enlargement = CANDIDATES.filter((c) => v[`join${c}` as const]).map((c) => ({
    country: c,
    year: v[`year${c}` as const],
  }));
  const byAlly = Object.fromEntries(
    Object.entries(v.complianceByAlly)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([iso3, c]) => [iso3, tidy(c)]),
  );
  return {
    ...(name === undefined || name.trim() === '' ? {} : { name: name.trim() }),
    start: START,
    end: END,
    pledges: [{ name: 'Pledge', target: `${tidy(v.pledgeTarget)}%`, from: START, by: v.pledgeBy }],
    compliance: { default: tidy(v.compliance), ...byAlly },
    response: {
      default: {
        elasticity: tidy(v.alliesElasticity),
        spill_in: tidy(v.alliesSpillIn),
        speed: tidy(v.alliesSpeed),
      },
      RUS: { elasticity: tidy(v.rusElasticity), speed: tidy(v.rusSpeed) },
    },
    war: { RUS: { until: v.warEnds ? v.warUntil : null, fade_years: v.warFadeYears } },
    ...(enlargement.length > 0 ? { enlargement } : {}),
    geography: { decay_km: v.decayKm, floor: { USA: tidy(v.usFloor) } },
    ...(v.growthSet ? { gdp: { long_run_growth: { default: tidy(v.growthAllies), RUS: tidy(v.growthRUS) } } } : {}),
    ...(v.ensembleOn ? { ensemble: ensembleBlock(v, fitted) } : {}),
  };
}

const ISO3 = /^[A-Z]{3}$/;

const sameRecord = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** The lever values as the URL hash: base64url of their JSON, only the values that differ from `defaults`. */
export function encodeLevers(v: LeverValues, defaults: Readonly<LeverValues> = DEFAULT_LEVERS): string {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as LeverKey[]) {
    const value = v[key];
    const fallback = defaults[key];
    if (typeof value === 'object' && typeof fallback === 'object') {
      if (!sameRecord(value, fallback)) changed[key] = value;
    } else if (value !== fallback) changed[key] = value;
  }
  const json = JSON.stringify(changed);
  if (json === '{}') return '';
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const inRange = (raw: unknown, range: Range | undefined): raw is number =>
  typeof raw === 'number' && Number.isFinite(raw) && range !== undefined && raw >= range.min && raw <= range.max;

/** The lever values of a URL hash; anything missing, unknown or out of range takes its default. */
export function decodeLevers(hash: string, defaults: Readonly<LeverValues> = DEFAULT_LEVERS): LeverValues {
  const values: LeverValues = { ...defaults, complianceByAlly: { ...defaults.complianceByAlly } };
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
    if (!(key in defaults)) continue;
    const fallback = record[key];
    if (typeof fallback === 'boolean' && typeof raw === 'boolean') record[key] = raw;
    if (typeof fallback === 'number' && inRange(raw, RANGES[key])) record[key] = raw;
    if (key === 'complianceByAlly' && raw !== null && typeof raw === 'object') {
      values.complianceByAlly = Object.fromEntries(
        Object.entries(raw).filter(([iso3, c]) => ISO3.test(iso3) && inRange(c, ALLY_COMPLIANCE_RANGE)),
      ) as Record<string, number>;
    }
  }
  return values;
}

/** A scenario's values for the levers, and the names of its fields the levers cannot show. */
export interface FromScenario {
  readonly values: LeverValues;
  readonly ignored: readonly string[];
}

const LEVER_FIELDS = new Set([
  'name',
  'description',
  'start',
  'end',
  'pledges',
  'compliance',
  'response',
  'war',
  'enlargement',
  'geography',
  'gdp',
  'ensemble',
]);

function clampTo(key: LeverKey, value: unknown, values: LeverValues): void {
  const range = RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || range === undefined) return;
  (values as unknown as Record<string, number>)[key] = Math.min(range.max, Math.max(range.min, value));
}

interface ScenarioShape {
  pledges?: readonly { target: number; by: number }[];
  compliance?: Record<string, number | 'trend' | 'binding'>;
  response?: Record<string, { elasticity?: number; spill_in?: number; speed?: number }>;
  war?: Record<string, { until?: number | null; fade_years?: number }>;
  enlargement?: readonly { country: string; year: number }[];
  geography?: { decay_km?: number; floor?: Record<string, number> };
  gdp?: { long_run_growth?: Record<string, number> };
  ensemble?: { runs?: number };
}

/**
 * The lever values of a validated scenario (shares as fractions) over `defaults`; out-of-range
 * values are clamped, and what the levers cannot hold is named in `ignored`.
 */
export function fromScenario(
  input: ScenarioShape & Record<string, unknown>,
  defaults: Readonly<LeverValues> = DEFAULT_LEVERS,
): FromScenario {
  const values: LeverValues = { ...defaults, complianceByAlly: {} };
  const ignored = Object.keys(input).filter((k) => !LEVER_FIELDS.has(k));
  const pledge = (input.pledges ?? []).reduce<{ target: number; by: number } | undefined>(
    (a, p) => (a === undefined || p.target > a.target ? p : a),
    undefined,
  );
  if (pledge !== undefined) {
    clampTo('pledgeTarget', Math.round(pledge.target * 1000) / 10, values);
    clampTo('pledgeBy', pledge.by, values);
  }
  for (const [key, c] of Object.entries(input.compliance ?? {})) {
    if (c === 'trend' || c === 'binding') ignored.push(`compliance.${key}: ${c}`);
    else if (key === 'default') clampTo('compliance', c, values);
    else values.complianceByAlly[key] = Math.min(1, Math.max(0, c));
  }
  clampTo('rusElasticity', input.response?.RUS?.elasticity, values);
  clampTo('rusSpeed', input.response?.RUS?.speed, values);
  clampTo('alliesElasticity', input.response?.default?.elasticity, values);
  clampTo('alliesSpillIn', input.response?.default?.spill_in, values);
  clampTo('alliesSpeed', input.response?.default?.speed, values);
  for (const key of Object.keys(input.response ?? {})) {
    if (key !== 'RUS' && key !== 'default') ignored.push(`response.${key}`);
  }
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
  const growth = input.gdp?.long_run_growth;
  if (growth !== undefined) {
    values.growthSet = true;
    clampTo('growthAllies', growth.default, values);
    clampTo('growthRUS', growth.RUS, values);
  }
  if (input.ensemble !== undefined) {
    values.ensembleOn = true;
    clampTo('ensembleRuns', input.ensemble.runs, values);
  }
  return { values, ignored };
}

/**
 * The fitted responses the levers start from: Russia's own, and the allies' as one number (the
 * levers set one elasticity for every ally): the mean of their default elasticities, with the
 * interval of the response per unit of exposure scaled by the mean exposure.
 */
export function fittedLevers(f: FittedDefaults | undefined): FittedResponses | undefined {
  if (f === undefined) return undefined;
  const allies = Object.keys(f.responses).filter((c) => c !== 'RUS' && c !== 'BLR' && c !== 'UKR');
  const mean = (v: (c: string) => number) => allies.reduce((s, c) => s + v(c), 0) / Math.max(1, allies.length);
  const exposure = mean((c) => f.exposure[c] ?? 0);
  const t = f.parameters.threat_exposure;
  return {
    elasticity: {
      estimate: mean((c) => f.responses[c]?.elasticity ?? 0),
      lower: t.lower * exposure,
      upper: t.upper * exposure,
    },
    elasticity_RUS: f.parameters.elasticity_RUS,
    spill_in: f.parameters.spill_in,
    speed: f.parameters.speed,
    speed_RUS: f.parameters.speed_RUS,
  };
}

/**
 * The accessible name of a lever's reset button: the lever's label as it is written (a proper noun
 * such as Russia or Ukraine keeps its capital), then the value it restores.
 *
 * @example resetLabel("Russia's threat elasticity", '1.06') // 'Reset "Russia\'s threat elasticity" to 1.06'
 */
export function resetLabel(label: string, value: string): string {
  return `Reset "${label}" to ${value}`;
}
