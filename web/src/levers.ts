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

export const CANDIDATES = ['UKR', 'GEO', 'MDA'] as const;
export type Candidate = (typeof CANDIDATES)[number];
export const CANDIDATE_NAMES: Readonly<Record<Candidate, string>> = { UKR: 'Ukraine', GEO: 'Georgia', MDA: 'Moldova' };

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

/**
 * Relative spread of each response in the page's ensembles: the standard deviation of its log
 * implied by the fit's 95 % interval. Without a fit, a stated 30 %.
 */
export function logSpread(value: FittedValue | undefined): number {
  if (value === undefined || !(value.lower > 0) || !(value.upper > value.lower)) return 0.3;
  return (Math.log(value.upper) - Math.log(value.lower)) / (2 * 1.959964);
}

/** Text of a lever's value with its unit. */
export const FORMATS = {
  pct: (v: number) => `${v.toFixed(1)} % of GDP`,
  year: (v: number) => String(v),
  years: (v: number) => `${v} ${v === 1 ? 'year' : 'years'}`,
  fraction: (v: number) => v.toFixed(2),
  perYear: (v: number) => `${v.toFixed(2)} /year`,
  growth: (v: number) => `${(v * 100).toFixed(2)} % a year`,
  km: (v: number) => `${v.toLocaleString('en')} km`,
  members: (v: number) => `${v} members`,
} as const;

/** "Fitted 4.65 [2.17, 9.57]": the estimate of data/fitted.json and its 95 % bootstrap interval. */
const fittedHint = (what: string, v: FittedValue | undefined) =>
  v === undefined
    ? `${what}; the dataset has no fit, so the default is the model's assumption (docs/model.md)`
    : `${what}; fitted ${v.estimate.toFixed(2)}, 95 % interval [${v.lower.toFixed(2)}, ${v.upper.toFixed(2)}]`;

/** The groups of the levers' panel, in order, each a fieldset with this legend. */
export const LEVER_GROUPS = [
  'NATO pledge',
  'Responses to threat',
  'War in Ukraine',
  'Enlargement',
  'GDP growth',
  'Geography',
  'Uncertainty',
] as const;
export type LeverGroup = (typeof LEVER_GROUPS)[number];

export type NumberKey = { [K in LeverKey]: LeverValues[K] extends number ? K : never }[LeverKey];
export type BooleanKey = { [K in LeverKey]: LeverValues[K] extends boolean ? K : never }[LeverKey];

/** The scenario the levers write, filled row by row, before `toScenario` puts it in its order. */
interface ScenarioParts {
  pledge: { name: string; target: string; from: number; by: number };
  compliance: Record<string, number>;
  response: {
    default: { elasticity: number; spill_in: number; speed: number };
    RUS: { elasticity: number; speed: number };
  };
  war: { RUS: { until: number | null; fade_years: number } };
  enlargement: { country: string; year: number }[];
  geography: { decay_km: number; floor: { USA: number } };
  gdp?: { long_run_growth: { default: number; RUS: number } };
  ensemble?: { runs: number; seed: number; uncertain: Record<string, unknown>; gdp_shocks: boolean };
}

/** The fields of a validated scenario (docs/scenario.md) the levers read. */
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

interface RowBase {
  readonly group: LeverGroup;
  /** The label of the lever on the page (the browser tests find a lever by it). */
  readonly label: string;
  /** The sentence after the lever's range and default, if any. */
  readonly hint?: (fitted: FittedResponses | undefined) => string;
  /** Writes the lever's value into the scenario. */
  readonly write: (v: LeverValues, s: ScenarioParts, fitted: FittedResponses | undefined) => void;
  /** Reads the lever's value from a scenario into `values`, naming in `ignored` what it cannot hold. */
  readonly read: (input: ScenarioShape, values: LeverValues, ignored: string[]) => void;
}

/** A lever of a number: a range input. */
export interface RangeRow extends RowBase {
  readonly kind: 'range';
  readonly key: NumberKey;
  readonly range: Range;
  readonly format: (value: number) => string;
  /** The checkbox that switches the lever on; it is disabled while that is off. */
  readonly enabledBy?: BooleanKey;
  /** The default: the scenario default (rid of binary noise), or the fit's estimate where `fromFit`. */
  readonly initial: (fitted: FittedResponses | undefined) => number;
  /** Whether the default is a fitted response, snapped to the range's grid. */
  readonly fromFit?: boolean;
}

/** A lever of a yes or no: a checkbox. */
export interface CheckRow extends RowBase {
  readonly kind: 'check';
  readonly key: BooleanKey;
  readonly initial: boolean;
}

/** The compliance of single allies: the panel's per-ally table. */
export interface AlliesRow extends RowBase {
  readonly kind: 'allies';
  readonly key: 'complianceByAlly';
  /** The range of each ally's value. */
  readonly range: Range;
}

export type LeverRow = RangeRow | CheckRow | AlliesRow;

const set = (values: LeverValues, key: LeverKey, value: unknown): void => {
  (values as unknown as Record<string, unknown>)[key] = value;
};

/** `value` into the range of `row`, if it is a number. */
function clampTo(row: RangeRow, value: unknown, values: LeverValues): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return;
  set(values, row.key, Math.min(row.range.max, Math.max(row.range.min, value)));
}

/** A range lever; `read` gives the scenario's value for it, clamped into the range. */
function range(
  spec: Omit<RangeRow, 'kind' | 'read'> & { readonly read: (input: ScenarioShape, values: LeverValues) => unknown },
): RangeRow {
  const row: RangeRow = {
    ...spec,
    kind: 'range',
    read: (input, values) => clampTo(row, spec.read(input, values), values),
  };
  return row;
}

/** The pledge the levers show: the scenario's highest. */
const topPledge = (input: ScenarioShape) =>
  (input.pledges ?? []).reduce<{ target: number; by: number } | undefined>(
    (a, p) => (a === undefined || p.target > a.target ? p : a),
    undefined,
  );

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
function ensembleBlock(v: LeverValues, fitted: FittedResponses | undefined): NonNullable<ScenarioParts['ensemble']> {
  const uncertain: Record<string, unknown> = {};
  for (const [key, path, fit] of RESPONSE_PATHS) {
    const value = v[key];
    if (value > 0) uncertain[path] = { lognormal: [tidy(Math.log(value)), tidy(logSpread(fitted?.[fit]))] };
  }
  return { runs: v.ensembleRuns, seed: ENSEMBLE_SEED, uncertain, gdp_shocks: true };
}

const ACCESSION_YEARS: Range = { min: 2026, max: 2045, step: 1 };

/** An enlargement candidate's two levers: whether it joins, and the year. */
function candidateRows(c: Candidate): LeverRow[] {
  const join = `join${c}` as const;
  const year = `year${c}` as const;
  const entry = (input: ScenarioShape) => input.enlargement?.find((e) => e.country === c);
  return [
    {
      kind: 'check',
      key: join,
      group: 'Enlargement',
      label: `${CANDIDATE_NAMES[c]} joins NATO`,
      initial: false,
      write: (v, s) => {
        if (v[join]) s.enlargement.push({ country: c, year: v[year] });
      },
      read: (input, values) => {
        if (entry(input) !== undefined) values[join] = true;
      },
    },
    range({
      key: year,
      group: 'Enlargement',
      label: `${CANDIDATE_NAMES[c]}'s accession year`,
      format: FORMATS.year,
      range: ACCESSION_YEARS,
      enabledBy: join,
      initial: () => 2035,
      write: () => {}, // with the candidate's entry, above
      read: (input) => entry(input)?.year,
    }),
  ];
}

const GROWTH_HINT = () => 'After the IMF projections end (2030)';

/**
 * Every lever of the dashboard, once, in the panel's order (which is also the order of the URL
 * hash's fields): its label, unit, range, default, group, hint, and how it maps to and from the
 * scenario of docs/scenario.md.
 */
export const LEVERS: readonly LeverRow[] = [
  range({
    key: 'pledgeTarget',
    group: 'NATO pledge',
    label: 'Pledge target',
    format: FORMATS.pct,
    range: { min: 2, max: 5, step: 0.1 },
    initial: () => DEFAULTS.pledge.target * 100,
    write: (v, s) => {
      s.pledge.target = `${tidy(v.pledgeTarget)}%`;
    },
    read: (input) => {
      const pledge = topPledge(input);
      return pledge === undefined ? undefined : Math.round(pledge.target * 1000) / 10;
    },
  }),
  range({
    key: 'pledgeBy',
    group: 'NATO pledge',
    label: 'Pledge due year',
    format: FORMATS.year,
    range: { min: 2030, max: 2040, step: 1 },
    initial: () => DEFAULTS.pledge.by,
    write: (v, s) => {
      s.pledge.by = v.pledgeBy;
    },
    read: (input) => topPledge(input)?.by,
  }),
  range({
    key: 'compliance',
    group: 'NATO pledge',
    label: 'Compliance',
    format: FORMATS.fraction,
    range: { min: 0, max: 1, step: 0.05 },
    hint: () => 'Share of the gap to the target the allies close',
    initial: () => DEFAULTS.compliance,
    write: (v, s) => {
      s.compliance.default = tidy(v.compliance);
    },
    read: (input) => {
      const c = input.compliance?.default;
      return c === 'trend' || c === 'binding' ? undefined : c;
    },
  }),
  {
    kind: 'allies',
    key: 'complianceByAlly',
    group: 'NATO pledge',
    label: 'Compliance of each ally',
    range: { min: 0, max: 1, step: 0.05 },
    write: (v, s) => {
      for (const [iso3, c] of Object.entries(v.complianceByAlly).sort(([a], [b]) => a.localeCompare(b))) {
        s.compliance[iso3] = tidy(c);
      }
    },
    read: (input, values, ignored) => {
      values.complianceByAlly = {};
      for (const [key, c] of Object.entries(input.compliance ?? {})) {
        if (c === 'trend' || c === 'binding') ignored.push(`compliance.${key}: ${c}`);
        else if (key !== 'default') values.complianceByAlly[key] = Math.min(1, Math.max(0, c));
      }
    },
  },
  range({
    key: 'rusElasticity',
    fromFit: true,
    group: 'Responses to threat',
    label: "Russia's threat elasticity",
    format: FORMATS.fraction,
    range: { min: 0, max: 10, step: 0.05 },
    hint: (fitted) =>
      fittedHint(
        'Per cent rise of Russia’s desired burden for 1 % more proximity-weighted NATO capability; 1 is “proportional”: NATO’s capability 10 % higher, Russia’s desired burden 10 % higher',
        fitted?.elasticity_RUS,
      ),
    initial: (fitted) => fitted?.elasticity_RUS.estimate ?? DEFAULTS.elasticityByActor.RUS ?? DEFAULTS.elasticity,
    write: (v, s) => {
      s.response.RUS.elasticity = tidy(v.rusElasticity);
    },
    read: (input) => input.response?.RUS?.elasticity,
  }),
  range({
    key: 'rusSpeed',
    fromFit: true,
    group: 'Responses to threat',
    label: "Russia's adjustment speed",
    format: FORMATS.perYear,
    range: { min: 0.05, max: 1.5, step: 0.01 },
    hint: (fitted) => fittedHint('Share of the gap to the desired burden closed in a year', fitted?.speed_RUS),
    initial: (fitted) => fitted?.speed_RUS.estimate ?? fitted?.speed.estimate ?? DEFAULTS.speed,
    write: (v, s) => {
      s.response.RUS.speed = tidy(v.rusSpeed);
    },
    read: (input) => input.response?.RUS?.speed,
  }),
  range({
    key: 'alliesElasticity',
    fromFit: true,
    group: 'Responses to threat',
    label: "Allies' threat elasticity",
    format: FORMATS.fraction,
    range: { min: 0, max: 4, step: 0.05 },
    hint: (fitted) => fittedHint('The same for every ally', fitted?.elasticity),
    initial: (fitted) => fitted?.elasticity.estimate ?? DEFAULTS.elasticity,
    write: (v, s) => {
      s.response.default.elasticity = tidy(v.alliesElasticity);
    },
    read: (input) => input.response?.default?.elasticity,
  }),
  range({
    key: 'alliesSpillIn',
    fromFit: true,
    group: 'Responses to threat',
    label: "Allies' response to one another",
    format: FORMATS.fraction,
    range: { min: 0, max: 5, step: 0.05 },
    hint: (fitted) => fittedHint('Elasticity of an ally’s spending to its neighbours’ (spill-in)', fitted?.spill_in),
    initial: (fitted) => fitted?.spill_in.estimate ?? DEFAULTS.spillIn,
    write: (v, s) => {
      s.response.default.spill_in = tidy(v.alliesSpillIn);
    },
    read: (input) => input.response?.default?.spill_in,
  }),
  range({
    key: 'alliesSpeed',
    fromFit: true,
    group: 'Responses to threat',
    label: "Allies' adjustment speed",
    format: FORMATS.perYear,
    range: { min: 0.05, max: 1.5, step: 0.01 },
    hint: (fitted) => fittedHint('Share of the gap closed in a year', fitted?.speed),
    initial: (fitted) => fitted?.speed.estimate ?? DEFAULTS.speed,
    write: (v, s) => {
      s.response.default.speed = tidy(v.alliesSpeed);
    },
    read: (input) => input.response?.default?.speed,
  }),
  {
    kind: 'check',
    key: 'warEnds',
    group: 'War in Ukraine',
    label: "Russia's war burden ends (otherwise ongoing)",
    initial: false,
    write: () => {}, // `until` is null unless the war ends, below
    read: (input, values) => {
      if (typeof input.war?.RUS?.until === 'number') values.warEnds = true;
    },
  },
  range({
    key: 'warUntil',
    group: 'War in Ukraine',
    label: 'War end year',
    format: FORMATS.year,
    range: { min: 2026, max: 2035, step: 1 },
    enabledBy: 'warEnds',
    initial: () => 2026,
    write: (v, s) => {
      if (v.warEnds) s.war.RUS.until = v.warUntil;
    },
    read: (input) => input.war?.RUS?.until,
  }),
  range({
    key: 'warFadeYears',
    group: 'War in Ukraine',
    label: 'Fade-out',
    format: FORMATS.years,
    range: { min: 0, max: 10, step: 1 },
    initial: () => DEFAULTS.warFadeYears,
    write: (v, s) => {
      s.war.RUS.fade_years = v.warFadeYears;
    },
    read: (input) => input.war?.RUS?.fade_years,
  }),
  ...CANDIDATES.flatMap(candidateRows),
  {
    kind: 'check',
    key: 'growthSet',
    group: 'GDP growth',
    label: "Set long-run growth (otherwise each country's IMF projected trend)",
    initial: false,
    write: (v, s) => {
      if (v.growthSet) s.gdp = { long_run_growth: { default: 0, RUS: 0 } };
    },
    read: (input, values) => {
      if (input.gdp?.long_run_growth !== undefined) values.growthSet = true;
    },
  },
  range({
    key: 'growthAllies',
    group: 'GDP growth',
    label: "Allies' real GDP growth",
    format: FORMATS.growth,
    range: { min: -0.02, max: 0.05, step: 0.0025 },
    enabledBy: 'growthSet',
    hint: GROWTH_HINT,
    initial: () => 0.015,
    write: (v, s) => {
      if (s.gdp !== undefined) s.gdp.long_run_growth.default = tidy(v.growthAllies);
    },
    read: (input) => input.gdp?.long_run_growth?.default,
  }),
  range({
    key: 'growthRUS',
    group: 'GDP growth',
    label: "Russia's real GDP growth",
    format: FORMATS.growth,
    range: { min: -0.03, max: 0.05, step: 0.0025 },
    enabledBy: 'growthSet',
    hint: GROWTH_HINT,
    initial: () => 0.01,
    write: (v, s) => {
      if (s.gdp !== undefined) s.gdp.long_run_growth.RUS = tidy(v.growthRUS);
    },
    read: (input) => input.gdp?.long_run_growth?.RUS,
  }),
  range({
    key: 'decayKm',
    group: 'Geography',
    label: 'Proximity decay length',
    format: FORMATS.km,
    range: { min: 500, max: 3000, step: 50 },
    hint: () => "Distance over which an adversary's capability counts less",
    initial: () => DEFAULTS.decayKm,
    write: (v, s) => {
      s.geography.decay_km = v.decayKm;
    },
    read: (input) => input.geography?.decay_km,
  }),
  range({
    key: 'usFloor',
    group: 'Geography',
    label: 'US projection floor',
    format: FORMATS.fraction,
    range: { min: 0, max: 0.5, step: 0.01 },
    hint: () => 'Share of US capability counted in Europe at any distance',
    initial: () => DEFAULTS.floorByActor.USA ?? 0,
    write: (v, s) => {
      s.geography.floor.USA = tidy(v.usFloor);
    },
    read: (input) => input.geography?.floor?.USA,
  }),
  {
    kind: 'check',
    key: 'ensembleOn',
    group: 'Uncertainty',
    label: 'Run an ensemble',
    initial: false,
    write: (v, s, fitted) => {
      if (v.ensembleOn) s.ensemble = ensembleBlock(v, fitted);
    },
    read: (input, values) => {
      if (input.ensemble !== undefined) values.ensembleOn = true;
    },
  },
  range({
    key: 'ensembleRuns',
    group: 'Uncertainty',
    label: 'Ensemble size',
    format: FORMATS.members,
    range: { min: 50, max: 1000, step: 50 },
    enabledBy: 'ensembleOn',
    hint: () => "Each member draws the five responses around the levers' values with the fit's spread, and GDP shocks",
    initial: () => 200,
    write: (v, s) => {
      if (s.ensemble !== undefined) s.ensemble.runs = v.ensembleRuns;
    },
    read: (input) => input.ensemble?.runs,
  }),
];

/** The range of a numeric lever. */
export function rangeOf(key: NumberKey): Range {
  const row = LEVERS.find((r) => r.key === key);
  if (row?.kind !== 'range') throw new Error(`no range lever ${key}`);
  return row.range;
}

/** The range of each ally's compliance in the per-ally table. */
export const ALLY_COMPLIANCE_RANGE: Range = (LEVERS.find((r) => r.kind === 'allies') as AlliesRow).range;

/**
 * The levers' defaults. The four responses start at the committed fit (data/fitted.json), as the
 * command line's default scenario does, snapped to the levers' steps; without a fit they take
 * the model's assumed values (docs/model.md). The rest are the scenario defaults of docs/scenario.md.
 */
export function leverDefaults(fitted?: FittedResponses): LeverValues {
  const values: Record<string, unknown> = {};
  for (const row of LEVERS) {
    if (row.kind === 'allies') values[row.key] = {};
    else if (row.kind === 'check') values[row.key] = row.initial;
    else {
      const initial = row.initial(fitted);
      values[row.key] = row.fromFit === true ? snap(initial, row.range) : tidy(initial);
    }
  }
  return values as unknown as LeverValues;
}

/** The levers' defaults without a fit (the model's assumed responses, docs/model.md). */
export const DEFAULT_LEVERS: Readonly<LeverValues> = leverDefaults();

/** The scenario object (schema of docs/scenario.md) of the lever values. */
export function toScenario(
  v: LeverValues,
  options: { readonly name?: string; readonly fitted?: FittedResponses } = {},
): Record<string, unknown> {
  const { name, fitted } = options;
  const s: ScenarioParts = {
    pledge: { name: 'Pledge', target: '', from: START, by: 0 },
    compliance: {},
    response: { default: { elasticity: 0, spill_in: 0, speed: 0 }, RUS: { elasticity: 0, speed: 0 } },
    war: { RUS: { until: null, fade_years: 0 } },
    enlargement: [],
    geography: { decay_km: 0, floor: { USA: 0 } },
  };
  for (const row of LEVERS) row.write(v, s, fitted);
  return {
    ...(name === undefined || name.trim() === '' ? {} : { name: name.trim() }),
    start: START,
    end: END,
    pledges: [s.pledge],
    compliance: s.compliance,
    response: s.response,
    war: s.war,
    ...(s.enlargement.length > 0 ? { enlargement: s.enlargement } : {}),
    geography: s.geography,
    ...(s.gdp === undefined ? {} : { gdp: s.gdp }),
    ...(s.ensemble === undefined ? {} : { ensemble: s.ensemble }),
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
  for (const { key, kind } of LEVERS) {
    if (kind === 'allies') {
      if (!sameRecord(v[key], defaults[key])) changed[key] = v[key];
    } else if (v[key] !== defaults[key]) changed[key] = v[key];
  }
  const json = JSON.stringify(changed);
  if (json === '{}') return '';
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const inRange = (raw: unknown, range: Range): raw is number =>
  typeof raw === 'number' && Number.isFinite(raw) && raw >= range.min && raw <= range.max;

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
  for (const [key, raw] of Object.entries(parsed)) {
    const row = LEVERS.find((r) => r.key === key);
    if (row === undefined) continue;
    if (row.kind === 'check' && typeof raw === 'boolean') set(values, row.key, raw);
    if (row.kind === 'range' && inRange(raw, row.range)) set(values, row.key, raw);
    if (row.kind === 'allies' && raw !== null && typeof raw === 'object') {
      values.complianceByAlly = Object.fromEntries(
        Object.entries(raw).filter(([iso3, c]) => ISO3.test(iso3) && inRange(c, row.range)),
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

/** The scenario's top-level fields the levers read or write. */
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
  for (const row of LEVERS) row.read(input, values, ignored);
  for (const key of Object.keys(input.response ?? {})) {
    if (key !== 'RUS' && key !== 'default') ignored.push(`response.${key}`);
  }
  for (const e of input.enlargement ?? []) {
    if (!CANDIDATES.some((c) => c === e.country)) ignored.push(`enlargement of ${e.country}`);
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
