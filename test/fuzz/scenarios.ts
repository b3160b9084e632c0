/**
 * Fuzz target of the scenario pipeline: generated and mutated scenarios — valid fields mixed with
 * out-of-range numbers, wrong types, extreme values, NaN and Infinity, huge lists, deep nesting,
 * YAML aliases and broken text — through `parseScenario` (or `validateScenario` for an object) and
 * `runScenario`, and a small `runEnsemble` (at most 8 members) when the scenario has an ensemble
 * block. Every case must end in a result whose every number is finite or in an `ArmsraceError`,
 * within {@link TIME_BOUND_MS}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { boundsOf } from '../../src/core/ensemble/uncertain.js';
import { ArmsraceError } from '../../src/core/errors.js';
import { runScenario } from '../../src/core/run-scenario.js';
import { parseScenario, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';
import type { FuzzSummary } from './summary.js';

/** Options of {@link fuzzScenarios}. */
export interface FuzzScenariosOptions {
  readonly cases: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
  /** Called with each case's outcome (to see how many reach a result). */
  readonly onOutcome?: (outcome: Outcome['kind']) => void;
}

/** A case slower than this, parse and run and ensemble together, counts as over time (ms). */
export const TIME_BOUND_MS = 2000;
/** Members of the ensemble of a case with an ensemble block. */
export const ENSEMBLE_RUNS = 8;
/** Failures kept in a summary (all are counted). */
const KEPT_FAILURES = 20;
/** Characters of a case's input kept in a failure. */
const SHOWN_INPUT = 400;

/** One case: YAML or JSON text for `parseScenario`, or an object for `validateScenario`. */
type Case = { readonly text: string } | { readonly object: unknown };

// --- values ------------------------------------------------------------------------------------

const ISO3 = ['USA', 'POL', 'DEU', 'FRA', 'GBR', 'EST', 'FIN', 'SWE', 'TUR', 'MNE', 'CZE', 'RUS', 'BLR', 'UKR', 'GEO'];

/** Nested lists `depth` deep. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let k = 0; k < depth; k++) v = [v];
  return v;
};

/** Values no field takes: wrong types, extremes, NaN and Infinity, huge and deep structures. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    1e300,
    0.5,
  ),
  fc.constantFrom(null, true, false, '', 'x', '3.5%', '150%', '-1%', 'trend', 'binding', 'default', 'NaN', '__proto__'),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constant('x'.repeat(5000)),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 2000 }).map(nested),
  fc.integer({ min: 101, max: 3000 }).map((n) => Array.from({ length: n }, (_, k) => k)),
);

/** A value that is valid most of the time and weird otherwise. */
const mostly = <T>(valid: fc.Arbitrary<T>, weight = 12): fc.Arbitrary<unknown> =>
  fc.oneof({ weight, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: weird });

/** A field present one time in `rarity`. */
const sometimes = <T>(value: fc.Arbitrary<T>, rarity = 4): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: rarity - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const iso3 = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ISO3) },
  { weight: 1, arbitrary: fc.constantFrom('XXX', 'pol', 'ISL', 'CHN', 'default', 'NATO') },
);
const year = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2005, max: 2045 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1900, max: 2200 }) },
  { weight: 1, arbitrary: fc.constantFrom(1899, 2201, 2030.5, -2030) },
);
const shareValue = fc.oneof(
  fc.constantFrom('2%', '3.5%', '5%', '0%', '100%', '150%', '-1%', '1.5 %', '0.5%'),
  fc.double({ min: 0, max: 0.2, noNaN: true }),
  fc.constantFrom(0, 1, 1.5, -0.01, 1e-300),
);
/** A number around `[low, high]`: inside mostly, at the ends, a little outside, or far away. */
const around = (low: number, high: number) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.double({ min: low, max: high, noNaN: true }) },
    { weight: 3, arbitrary: fc.constantFrom(low, high) },
    { weight: 1, arbitrary: fc.double({ min: low - (high - low), max: high + (high - low), noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  );
const perActor = <T>(value: fc.Arbitrary<T>) =>
  fc.dictionary(fc.oneof(fc.constant('default'), iso3), value, { maxKeys: 3 });

const optionalRecord = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] });

const pledge = optionalRecord({
  name: mostly(fc.string({ maxLength: 20 })),
  target: mostly(shareValue),
  from: mostly(year),
  by: mostly(year),
});

const response = optionalRecord({
  elasticity: mostly(around(-5, 5)),
  spill_in: mostly(around(-5, 5)),
  speed: mostly(around(0, 2)),
});

/** A distribution around `[low, high]`: mostly inside, sometimes wide or outside. */
const distribution = ([low, high]: readonly [number, number]) => {
  const w = Number.isFinite(high - low) ? high - low : 10;
  const lo = Number.isFinite(low) ? low : -5;
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ normal: fc.tuple(around(lo, lo + w), around(0, w / 2)) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        lognormal: fc.tuple(around(Math.log(Math.max(lo, 1e-3)), Math.log(lo + w)), around(0, 1)),
      }),
    },
    { weight: 3, arbitrary: fc.tuple(around(lo, lo + w), around(0, w)).map(([a, b]) => ({ uniform: [a, a + b] })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(around(lo, lo + w), around(0, w / 2), around(0, w / 2))
        .map(([a, b, c]) => ({ triangular: [a, a + b, a + b + c] })),
    },
    { weight: 1, arbitrary: fc.constant({ bootstrap: 'fitted' }) },
    { weight: 1, arbitrary: weird },
  );
};
const uncertainPath = fc.oneof(
  fc
    .tuple(fc.constantFrom('RUS', 'default', 'POL', 'USA'), fc.constantFrom('elasticity', 'spill_in', 'speed'))
    .map(([who, field]) => `response.${who}.${field}`),
  fc.constantFrom(
    'compliance.default',
    'compliance.POL',
    'war.RUS.extra_share',
    'war.RUS.until',
    'war.UKR.fade_years',
    'pledges[0].target',
    'pledges[0].by',
    'pledges[3].target',
    'geography.decay_km',
    'geography.floor.USA',
    'capability.depreciation',
    'capability.build_share.default',
    'response',
    'nonsense',
    'response.RUS.mood',
  ),
);
const ensemble = optionalRecord({
  runs: mostly(fc.integer({ min: 1, max: 20 })),
  seed: mostly(fc.integer()),
  uncertain: mostly(
    fc
      .array(
        uncertainPath.chain((path) => distribution(boundsOf(path)).map((d) => [path, d] as const)),
        { maxLength: 3 },
      )
      .map((entries) => Object.fromEntries(entries)),
  ),
  gdp_shocks: mostly(fc.boolean()),
  events: mostly(
    fc.array(
      fc.oneof(
        optionalRecord({
          series: mostly(fc.constantFrom('RUS.burden', 'NATO.burden', 'balance', 'race_intensity', 'nope')),
          above: mostly(shareValue),
          below: mostly(shareValue),
          when: mostly(fc.oneof(fc.constantFrom('any', 'all'), year)),
        }),
        optionalRecord({ stability: fc.constant('positive'), year: mostly(year) }),
      ),
      { maxLength: 3 },
    ),
  ),
});

/** A scenario of the demand model: a few fields at a time, most of them valid. */
const demand = fc
  .record({
    name: sometimes(mostly(fc.string({ maxLength: 30 })), 6),
    start: sometimes(mostly(year), 2),
    span: sometimes(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -5, max: 200 })), 2),
    step_years: sometimes(mostly(fc.oneof(around(1 / 365, 1), fc.constantFrom(1 / 12, 0.25, 1, 0.003, 5e-324))), 6),
    solver: sometimes(mostly(fc.constantFrom('rk4', 'dopri')), 6),
    actors: sometimes(
      mostly(
        fc.oneof(
          fc.uniqueArray(iso3, { maxLength: 6 }),
          fc.constantFrom(['POL', 'RUS'], ['USA', 'POL'], ['RUS', 'UKR'], ['USA', 'DEU', 'POL', 'RUS', 'BLR'], []),
        ),
      ),
      2,
    ),
    partners: sometimes(mostly(fc.uniqueArray(iso3, { maxLength: 2 })), 8),
    pledges: sometimes(mostly(fc.array(pledge, { maxLength: 3 })), 4),
    compliance: sometimes(mostly(perActor(mostly(fc.oneof(around(0, 1), fc.constantFrom('trend', 'binding')))))),
    response: sometimes(mostly(perActor(mostly(response)))),
    response_fit: sometimes(
      mostly(fc.constantFrom('pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled')),
    ),
    war: sometimes(
      mostly(
        perActor(
          optionalRecord({
            extra_share: mostly(shareValue),
            until: mostly(fc.oneof(year, fc.constant(null))),
            fade_years: mostly(around(0, 100)),
          }),
        ),
      ),
      6,
    ),
    enlargement: sometimes(
      mostly(fc.array(optionalRecord({ country: mostly(iso3), year: mostly(year) }), { maxLength: 2 })),
      6,
    ),
    geography: sometimes(
      mostly(optionalRecord({ decay_km: mostly(around(100, 100_000)), floor: mostly(perActor(around(0, 1))) })),
      6,
    ),
    capability: sometimes(
      mostly(optionalRecord({ depreciation: mostly(around(0.01, 1)), build_share: mostly(perActor(around(0.01, 1))) })),
      6,
    ),
    bounds: sometimes(mostly(optionalRecord({ min: mostly(shareValue), max: mostly(shareValue) })), 6),
    gdp: sometimes(
      mostly(optionalRecord({ usd_inflation: mostly(around(-0.5, 1)), long_run_growth: perActor(around(-0.5, 1)) })),
      6,
    ),
    ensemble: sometimes(ensemble, 3),
    extra: sometimes(fc.tuple(fc.string({ maxLength: 8 }), weird), 12),
  })
  .map(({ start, span, extra, ...rest }) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
    if (start !== undefined) out.start = start;
    if (span !== undefined) out.end = typeof start === 'number' ? start + span : 2025 + span;
    if (extra !== undefined) out[extra[0]] = extra[1];
    return out;
  });

/** A number inside `[low, high]`, often at or next to an end: the values validation lets through. */
const inside = (low: number, high: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: low, max: high, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom(low, high) },
    { weight: 1, arbitrary: fc.constantFrom(low + (high - low) * 1e-9, high - (high - low) * 1e-9) },
  );

/** A scenario of the demand model that validates, its values often at the ends of their ranges. */
const edgeDemand = fc
  .record({
    start: fc.integer({ min: 2005, max: 2060 }),
    span: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 15 }) },
      { weight: 1, arbitrary: fc.integer({ min: 16, max: 140 }) },
    ),
    step_years: sometimes(fc.oneof(inside(1 / 365, 1), fc.constantFrom(1 / 12, 0.25, 0.5, 1)), 3),
    solver: sometimes(fc.constantFrom('rk4', 'dopri'), 3),
    actors: sometimes(
      fc.constantFrom(
        ['POL', 'RUS'],
        ['RUS', 'UKR'],
        ['USA', 'RUS'],
        ['USA', 'DEU', 'POL', 'FIN', 'EST', 'RUS', 'BLR', 'UKR'],
        ['TUR', 'BLR'],
      ),
      2,
    ),
    pledges: sometimes(
      fc.array(fc.record({ target: inside(0, 1), by: fc.integer({ min: 2000, max: 2100 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      3,
    ),
    compliance: sometimes(fc.record({ default: fc.oneof(inside(0, 1), fc.constantFrom('trend', 'binding')) }), 3),
    response: sometimes(
      fc.record({
        default: optionalRecord({ elasticity: inside(-5, 5), spill_in: inside(-5, 5), speed: inside(0, 2) }),
        RUS: optionalRecord({ elasticity: inside(-5, 5), spill_in: inside(-5, 5), speed: inside(0, 2) }),
      }),
      2,
    ),
    response_fit: sometimes(
      fc.constantFrom('pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled'),
      5,
    ),
    war: sometimes(
      fc.record({
        RUS: optionalRecord({
          extra_share: inside(0, 1),
          until: fc.oneof(fc.integer({ min: 1990, max: 2200 }), fc.constant(null)),
          fade_years: inside(0, 100),
        }),
      }),
      4,
    ),
    enlargement: sometimes(fc.constantFrom([{ country: 'UKR', year: 2030 }], [{ country: 'GEO', year: 2026 }]), 5),
    geography: sometimes(
      optionalRecord({ decay_km: inside(100, 100_000), floor: fc.record({ default: inside(0, 1) }) }),
      3,
    ),
    capability: sometimes(
      optionalRecord({ depreciation: inside(0.01, 1), build_share: fc.record({ default: inside(0.01, 1) }) }),
      3,
    ),
    bounds: sometimes(
      fc.tuple(inside(0, 0.5), inside(0, 0.5)).map(([a, b]) => ({ min: a, max: a + b + 1e-6 })),
      4,
    ),
    gdp: sometimes(
      optionalRecord({
        usd_inflation: inside(-0.4999, 0.9999),
        long_run_growth: fc.record({ default: inside(-0.4999, 0.9999) }),
      }),
      3,
    ),
    ensemble: sometimes(ensemble, 2),
  })
  .map(({ start, span, ...rest }) => {
    const out: Record<string, unknown> = { start, end: Math.min(2200, start + span) };
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
    return out;
  });

/** A scenario of the classic Richardson model, mostly shaped right, rates small or extreme. */
const richardson = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    wrongSize: fc.integer({ min: 0, max: 9 }),
    start: sometimes(mostly(year), 2),
    span: sometimes(fc.integer({ min: -5, max: 200 }), 2),
    solver: sometimes(fc.constantFrom('rk4', 'dopri'), 3),
    step_years: sometimes(mostly(around(1 / 365, 1)), 6),
    rates: fc.array(mostly(around(-2, 2), 12), { minLength: 16, maxLength: 16 }),
    fatigue: fc.array(mostly(around(0, 2), 12), { minLength: 4, maxLength: 4 }),
    levels: fc.array(mostly(fc.oneof(around(-100, 100), around(-1e12, 1e12)), 12), { minLength: 8, maxLength: 8 }),
  })
  .map(({ n, wrongSize, start, span, solver, step_years, rates, fatigue, levels }) => {
    const m = wrongSize === 0 ? n + 1 : n;
    const reaction = Array.from({ length: m }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : rates[i * 4 + j])),
    );
    const out: Record<string, unknown> = {
      model: 'richardson',
      richardson: {
        actors: Array.from({ length: n }, (_, i) => `Actor ${i}`),
        reaction,
        fatigue: fatigue.slice(0, n),
        grievance: levels.slice(0, n),
        initial: levels.slice(4, 4 + n),
      },
    };
    if (start !== undefined) out.start = start;
    if (span !== undefined) out.end = typeof start === 'number' ? start + span : 2025 + span;
    if (solver !== undefined) out.solver = solver;
    if (step_years !== undefined) out.step_years = step_years;
    return out;
  });

/** The presets of scenarios/, parsed, for mutation. */
const presets: Record<string, unknown>[] = readdirSync(join(import.meta.dirname, '../../scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map(
    (f) => parseYaml(readFileSync(join(import.meta.dirname, '../../scenarios', f), 'utf8')) as Record<string, unknown>,
  );

/** Every path to a value in an object, for mutation. */
function leafPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (v !== null && typeof v === 'object' && path.length < 6)
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

/** A copy of `root` with the value at `path` replaced (`undefined`: removed). */
function replaced(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const next = replaced(copy[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** A preset with one to three values replaced or removed. */
const mutatedPreset = fc
  .tuple(
    fc.integer({ min: 0, max: presets.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.oneof(weird, fc.constant(undefined), year, shareValue)), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([k, edits]) => {
    let s: unknown = presets[k];
    for (const [at, value] of edits) {
      const paths = leafPaths(s).slice(1);
      if (paths.length > 0) s = replaced(s, paths[at % paths.length] as (string | number)[], value);
    }
    return s;
  });

/** Text no serializer writes: aliases, broken YAML, deep nesting, odd scalars. */
const oddText = fc.oneof(
  fc.constantFrom(
    'end: &a [*a]',
    'name: &a [*a]',
    'actors: &a [*a]',
    'pledges: [{ target: &a [*a], by: 2035 }]',
    'response: &r { RUS: *r }',
    '&root { end: 2040, self: *root }',
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'end: *undefined',
    'start: [2025',
    '{ "end": 2040, }',
    '- 1\n- 2',
    '"just text"',
    '42',
    'null',
    '~',
    'end: 2040\nend: 2041',
    'start: 0x7E9',
    'end: 2_040',
    'start: .inf',
    'end: .nan',
    'end: !!str 2040',
    'end: !custom 2040',
    '? [a, b]\n: 1',
    '__proto__: { end: 2040 }',
    'constructor: { prototype: { end: 1 } }',
    '\t\tend: 2040',
    'end: 2040 # comment\n...\n---\nend: 2041',
  ),
  fc.integer({ min: 50, max: 20_000 }).map((n) => `name: ${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 50, max: 5000 }).map((n) => `actors: [${Array.from({ length: n }, () => 'POL').join(', ')}]`),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Serialize a scenario object as YAML, as JSON, or pass it as an object (NaN and Infinity kept). */
const asCase = (object: unknown): fc.Arbitrary<Case> =>
  fc.constantFrom('yaml', 'yaml', 'json', 'object').map((form): Case => {
    if (form === 'object') return { object };
    try {
      return { text: form === 'json' ? JSON.stringify(object) : toYaml(object) };
    } catch {
      return { object };
    }
  });

/** The generator of cases. */
export const scenarioCase: fc.Arbitrary<Case> = fc.oneof(
  { weight: 8, arbitrary: demand.chain(asCase) },
  { weight: 6, arbitrary: edgeDemand.chain(asCase) },
  { weight: 3, arbitrary: mutatedPreset.chain(asCase) },
  { weight: 2, arbitrary: richardson.chain(asCase) },
  { weight: 2, arbitrary: oddText.map((text) => ({ text })) },
  { weight: 1, arbitrary: weird.map((object) => ({ object })) },
);

// --- checks ------------------------------------------------------------------------------------

/** The paths of numbers that are not finite in a result (`joinsNato: Infinity` means "never joins"). */
export function nonFiniteNumbers(value: unknown, path = 'result', out: string[] = []): string[] {
  if (out.length >= 3) return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let k = 0; k < a.length; k++)
      if (!Number.isFinite(a[k] as number)) return nonFiniteNumbers(a[k], `${path}[${k}]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'joinsNato' && v === Number.POSITIVE_INFINITY) continue;
      nonFiniteNumbers(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** A case's input as a failure reports it. */
function shown(c: Case): string {
  let text: string;
  if ('text' in c) text = c.text;
  else {
    try {
      text = `(object) ${JSON.stringify(c.object, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}`;
    } catch {
      text = '(object) not serializable';
    }
  }
  return text.length > SHOWN_INPUT ? `${text.slice(0, SHOWN_INPUT - 3)}...` : text;
}

/** What one case came to. */
export type Outcome =
  | { readonly kind: 'result' | 'refused' }
  | { readonly kind: 'crash' | 'non-finite'; readonly message: string };

/**
 * Run one case: parse or validate, run, and run a small ensemble when the scenario has a block.
 * A refusal must be an {@link ArmsraceError}; a result must hold finite numbers only.
 */
export function runCase(c: Case, dataset = loadDataset()): Outcome {
  let input: ScenarioInput;
  try {
    input = 'text' in c ? parseScenario(c.text) : validateScenario(c.object);
    const stabilityYears = [input.start ?? 2025, 2035];
    const result = runScenario(input, dataset, { stabilityYears });
    const bad = nonFiniteNumbers(result);
    if (bad.length > 0) return { kind: 'non-finite', message: `run: ${bad.join('; ')}` };
    if (input.ensemble !== undefined) {
      const runs = Math.min(ENSEMBLE_RUNS, input.ensemble.runs ?? ENSEMBLE_RUNS);
      const spread = runEnsemble(input, dataset, { runs, seed: 1 });
      const worse = nonFiniteNumbers(spread, 'ensemble');
      if (worse.length > 0) return { kind: 'non-finite', message: worse.join('; ') };
    }
    return { kind: 'result' };
  } catch (error) {
    if (error instanceof ArmsraceError) return { kind: 'refused' };
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      kind: 'crash',
      message: `${e.name}: ${e.message.split('\n')[0]} (${e.stack?.split('\n')[1]?.trim() ?? ''})`,
    };
  }
}

/**
 * Generate `cases` scenarios from `seed` and run each ({@link runCase}); the summary counts crashes
 * (an exception that is not an `ArmsraceError`), results with a number that is not finite, and
 * cases over {@link TIME_BOUND_MS}, and keeps the first failures with their inputs.
 */
export async function fuzzScenarios(options: FuzzScenariosOptions): Promise<FuzzSummary> {
  const dataset = loadDataset();
  const cases = fc.sample(scenarioCase, { seed: options.seed, numRuns: options.cases });
  const summary = {
    target: 'scenarios',
    cases: 0,
    crashes: 0,
    nonFinite: 0,
    overTime: 0,
    failures: [] as FuzzSummary['failures'],
  };
  for (const c of cases) {
    const started = performance.now();
    const outcome = runCase(c, dataset);
    const elapsed = performance.now() - started;
    summary.cases++;
    const fail = (message: string) => {
      if (summary.failures.length < KEPT_FAILURES) summary.failures.push({ input: shown(c), message });
    };
    options.onOutcome?.(outcome.kind);
    if (outcome.kind === 'crash') {
      summary.crashes++;
      fail(outcome.message);
    } else if (outcome.kind === 'non-finite') {
      summary.nonFinite++;
      fail(outcome.message);
    }
    if (elapsed > TIME_BOUND_MS) {
      summary.overTime++;
      fail(`took ${Math.round(elapsed)} ms, over ${TIME_BOUND_MS} ms`);
    }
    options.onProgress?.(summary.cases);
    // Let a progress bar draw.
    if (summary.cases % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return summary;
}
