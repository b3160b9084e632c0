/**
 * Fuzz target of the HTTP API: generated and mutated requests to every route of the app, in
 * process (`app.request`), against a temporary store. Each answer is checked: no 500, no answer
 * slower than {@link TIME_BOUND_MS}, a status the API documents, an error body `{ code, message }`
 * without a stack trace (with `path` on a 422) and with bounded echoes, the security headers, and
 * in a run's result no number left undefined (`null` where the model computes a number).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { openStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';
import { runInThread } from '../../src/server/run-job.js';
import type { FuzzSummary } from './summary.js';

/** Options of {@link fuzzApi}. */
export interface FuzzApiOptions {
  readonly cases: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
}

/** An answer slower than this counts as over time, ms. */
export const TIME_BOUND_MS = 5000;

/** Statuses the API documents (docs/api.md). */
const DOCUMENTED = new Set([200, 201, 204, 400, 404, 405, 409, 413, 415, 421, 422, 503, 507]);

/** One request: `{id}` in the path is replaced by a saved scenario's id (the `pick`-th) when there is one. */
interface Case {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly pick: number;
}

// --- values ------------------------------------------------------------------------------------

const ISO3 = ['POL', 'RUS', 'USA', 'UKR', 'DEU', 'FIN', 'SWE', 'BLR', 'EST', 'TUR', 'CHN', 'GEO', 'MDA'];
const iso3 = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ISO3) },
  { weight: 1, arbitrary: fc.constantFrom('XXX', 'pol', 'NATO_TOTAL', 'SUN', 'ISL', 'default', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const year = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 2015, max: 2045 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1800, max: 2300 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2030.5, 1e9, Number.MAX_SAFE_INTEGER) },
);
const share = fc.oneof(
  fc.constantFrom('2%', '3.5%', '5%', '0%', '100%', '150%', '-1%', '1.5 %', 'abc', '', '%'),
  fc.double({ min: 0, max: 0.2, noNaN: true }),
  fc.constantFrom(0, 1, 2, -0.01, 1e-300, 1e300),
);
const rate = fc.oneof(
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.constantFrom(-1, 0, 10, 1e6, 1e308, -1e308, 5e-324),
);
/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown>;
const odd = fc.oneof(
  anyJson,
  fc.constantFrom(null, true, '', [], {}, 1e308, -1e308, 5e-324, 'NaN', 'Infinity', '__proto__', 'constructor'),
  fc.string({ maxLength: 40 }),
  fc.integer().map((n) => `${'['.repeat(Math.abs(n % 100))}`),
);

/** Per-actor mappings: `{ default: v, POL: v, … }`. */
const perActor = <T>(value: fc.Arbitrary<T>) =>
  fc.dictionary(fc.oneof(fc.constant('default'), iso3), value, { maxKeys: 3 });

/** A scenario of the demand model, mostly valid, short (its run takes a few tens of ms). */
const demandScenario = fc
  .record(
    {
      name: fc.string({ maxLength: 30 }),
      description: fc.string({ maxLength: 60 }),
      start: fc.integer({ min: 2018, max: 2030 }),
      years: fc.integer({ min: 1, max: 10 }),
      solver: fc.constantFrom('rk4', 'dopri'),
      step_years: fc.constantFrom(1 / 12, 0.25, 1, 1 / 52),
      actors: fc.uniqueArray(iso3, { maxLength: 5 }),
      partners: fc.uniqueArray(iso3, { maxLength: 2 }),
      pledges: fc.array(
        fc
          .record({ target: share, by: year }, { requiredKeys: ['target'] })
          .chain((p) => fc.record({ from: year }, { requiredKeys: [] }).map((extra) => ({ ...p, ...extra }))),
        { maxLength: 3 },
      ),
      compliance: perActor(
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('trend', 'binding', 1.5)),
      ),
      response: perActor(fc.record({ elasticity: rate, speed: rate, spill_in: rate }, { requiredKeys: [] })),
      response_fit: fc.constantFrom('pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled'),
      war: perActor(
        fc.record(
          { extra_share: share, until: fc.oneof(year, fc.constant(null)), fade_years: rate },
          { requiredKeys: [] },
        ),
      ),
      enlargement: fc.array(fc.record({ country: iso3, year }), { maxLength: 2 }),
      geography: fc.record(
        { decay_km: fc.oneof(fc.integer({ min: 50, max: 200_000 }), fc.constant(0)), floor: perActor(rate) },
        { requiredKeys: [] },
      ),
      capability: fc.record({ depreciation: rate, build_share: perActor(rate) }, { requiredKeys: [] }),
      bounds: fc.record({ min: share, max: share }, { requiredKeys: [] }),
      gdp: fc.record(
        { usd_inflation: fc.double({ min: -0.6, max: 1.1, noNaN: true }), long_run_growth: perActor(rate) },
        { requiredKeys: [] },
      ),
      ensemble: fc.record(
        {
          runs: fc.integer({ min: 1, max: 12 }),
          seed: fc.integer(),
          uncertain: fc.dictionary(
            fc.constantFrom('response.RUS.elasticity', 'response.default.speed', 'compliance.default', 'nonsense'),
            fc.oneof(
              fc.record({ normal: fc.tuple(rate, rate) }),
              fc.record({ uniform: fc.tuple(rate, rate) }),
              fc.record({ lognormal: fc.tuple(rate, rate) }),
            ),
            { maxKeys: 2 },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ start, years, ...rest }) => ({
    ...rest,
    ...(start === undefined ? {} : { start }),
    ...(start === undefined || years === undefined ? {} : { end: start + years }),
  }));

/** A scenario of the demand model that validates: values inside their ranges, a few fields at a time. */
const validDemandScenario = fc
  .record(
    {
      start: fc.integer({ min: 2020, max: 2030 }),
      years: fc.integer({ min: 1, max: 10 }),
      solver: fc.constantFrom('rk4', 'dopri'),
      actors: fc.constantFrom(['POL', 'RUS'], ['USA', 'POL', 'DEU', 'RUS', 'BLR'], ['POL', 'FIN', 'EST', 'RUS', 'UKR']),
      pledges: fc.array(
        fc.record({
          target: fc.constantFrom('2%', '3.5%', '5%', 0.025),
          by: fc.integer({ min: 2026, max: 2040 }),
        }),
        { maxLength: 2 },
      ),
      compliance: fc.record(
        {
          default: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('trend', 'binding')),
          POL: fc.double({ min: 0, max: 1, noNaN: true }),
        },
        { requiredKeys: [] },
      ),
      response: fc.record(
        {
          RUS: fc.record(
            {
              elasticity: fc.double({ min: -2, max: 2, noNaN: true }),
              speed: fc.double({ min: 0, max: 2, noNaN: true }),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      war: fc.constant({ RUS: { extra_share: '2%', until: 2027, fade_years: 3 } }),
      enlargement: fc.array(
        fc.record({ country: fc.constantFrom('UKR', 'GEO', 'MDA'), year: fc.integer({ min: 2026, max: 2040 }) }),
        { maxLength: 1 },
      ),
      bounds: fc.constant({ min: '0.1%', max: '15%' }),
      ensemble: fc.record(
        { uncertain: fc.constant({ 'response.RUS.elasticity': { normal: [1, 0.3] } }), gdp_shocks: fc.boolean() },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ start, years, ...rest }) => ({
    ...rest,
    ...(start === undefined ? {} : { start }),
    ...(start === undefined || years === undefined ? {} : { end: start + years }),
  }));

/** A Richardson scenario, mostly valid (its diagonal of reactions zero, its rates small). */
const richardsonScenario = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const small = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0, max: 2, noNaN: true }) },
    { weight: 1, arbitrary: rate },
  );
  return fc.record({
    model: fc.constant('richardson'),
    start: fc.integer({ min: 2000, max: 2030 }),
    end: fc.integer({ min: 2031, max: 2060 }),
    richardson: fc.record({
      actors: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: n, maxLength: n }),
      reaction: fc
        .array(fc.array(small, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
        .map((rows) => rows.map((row, i) => row.map((v, j) => (i === j ? 0 : v)))),
      fatigue: fc.array(small, { minLength: n, maxLength: n }),
      grievance: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
      initial: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  });
});

/** Every path of a JSON value, as lists of keys. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [k, v] of value.entries()) pathsOf(v, [...prefix, k], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

type Mutation = { at: number; kind: 'replace' | 'delete' | 'add' | 'nest' | 'stringify'; payload: unknown };

/** Apply mutations to a copy of `value`; each picks a path (`at` modulo their number). */
function mutate(value: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(value);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] as (string | number)[];
    const replacement = (() => {
      switch (m.kind) {
        case 'replace':
          return m.payload;
        case 'nest':
          return [[[[[m.payload]]]]];
        case 'stringify':
          return JSON.stringify(m.payload) ?? 'undefined';
        default:
          return undefined;
      }
    })();
    if (path.length === 0) {
      if (m.kind === 'replace' || m.kind === 'nest') root = replacement;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root) as Record<
      string | number,
      unknown
    >;
    const key = path.at(-1) as string | number;
    if (parent === null || typeof parent !== 'object') continue;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'add') {
      const target = parent[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        (target as Record<string, unknown>)[String(m.payload).slice(0, 12) || 'extra'] = m.payload;
      }
    } else parent[key] = replacement;
  }
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add', 'nest', 'stringify'),
  payload: odd,
});

/** A scenario: valid, or mutated a few times. */
const scenario = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: validDemandScenario },
      { weight: 3, arbitrary: demandScenario },
      { weight: 2, arbitrary: richardsonScenario },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as Mutation[]) },
      { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
  )
  .map(([s, ms]) => mutate(s, ms));

/** The scenario as the body gives it: an object, YAML or JSON text, or something else. */
const scenarioField = scenario.chain((s) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant({ scenario: s }) },
    { weight: 4, arbitrary: fc.constant({ yaml: toYaml(s) }) },
    { weight: 2, arbitrary: fc.constant({ yaml: JSON.stringify(s) ?? '' }) },
    { weight: 1, arbitrary: odd.map((v) => ({ yaml: v })) },
    { weight: 1, arbitrary: fc.constant({ scenario: s, yaml: 'end: 2040' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((t) => ({ yaml: t })) },
  ),
);

const ensembleField = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record({ runs: fc.integer({ min: 1, max: 12 }), seed: fc.integer() }, { requiredKeys: [] }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(true, false, null, 6000, { runs: 6000 }, { runs: 0 }, { runs: 2.5 }, { seed: 'x' }),
  },
  { weight: 1, arbitrary: odd },
);

/** A JSON body (as an object, before it is written). */
const runBody = fc
  .tuple(
    scenarioField,
    ensembleField,
    fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), odd, { minKeys: 1, maxKeys: 1 }) },
    ),
  )
  .map(([s, ensemble, extra]) => ({ ...s, ...(ensemble === undefined ? {} : { ensemble }), ...(extra ?? {}) }));
const saveBody = fc
  .tuple(
    scenarioField,
    fc.oneof(
      { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.oneof(odd, fc.constant('x'.repeat(300))) },
    ),
  )
  .map(([s, name]) => ({ ...s, ...(name === null ? {} : { name }) }));

/** A body nested deep: around the limit (64), or thousands of levels. */
const deep = fc
  .tuple(
    fc.oneof(fc.integer({ min: 60, max: 70 }), fc.constantFrom(1000, 5000, 20_000)),
    fc.constantFrom('array', 'object'),
    fc.constantFrom('scenario', 'ensemble', 'name', 'top'),
  )
  .map(([n, kind, where]) => {
    const value = kind === 'array' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    if (where === 'top') return value;
    return where === 'scenario' ? `{"scenario":${value}}` : `{"scenario":{},"${where}":${value}}`;
  });

/** The body as sent: the JSON text, mostly, or text that is not quite JSON. */
const text = (body: fc.Arbitrary<unknown>) =>
  body.chain((b) => {
    const json = JSON.stringify(b) ?? '';
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant(json) },
      { weight: 1, arbitrary: fc.nat({ max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          'null',
          '[]',
          '"text"',
          '42',
          '{',
          '{"scenario": {}}}',
          '{"scenario": NaN}',
          '{"scenario": {"end": 1e999}}',
          '\u0000',
          '{"__proto__": {"end": 2040}}',
          '{"scenario": {"constructor": {"prototype": {}}}}',
        ),
      },
      { weight: 2, arbitrary: deep },
      { weight: 1, arbitrary: fc.constant(`{"yaml":"${'x'.repeat(300 * 1024)}"}`) },
    );
  });

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      '',
      ';',
    ),
  },
);

const query = (params: Record<string, fc.Arbitrary<string>>) =>
  fc
    .tuple(
      fc.record(params, { requiredKeys: [] }),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('x', 'yaer', 'q'.repeat(200)) },
      ),
    )
    .map(([q, extra]) => {
      const entries = Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
      if (extra !== undefined) entries.push(`${extra}=1`);
      return entries.length === 0 ? '' : `?${entries.join('&')}`;
    });

const anyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '%', '%ZZ', '..', '\u0000', 'x'.repeat(500)),
);

/** A request to one of the routes, or to none. */
const request: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      fc.constant({ method: 'GET', path: '/api/health' }),
      query({ all: fc.constantFrom('true', 'false', '1', 'yes', '') }).map((q) => ({
        method: 'GET',
        path: `/api/countries${q}`,
      })),
      fc
        .tuple(
          iso3,
          query({ indicator: fc.constantFrom('milex_share_gdp', 'gdp_usd_current', 'tanks'), source: anyText }),
        )
        .map(([c, q]) => ({ method: 'GET', path: `/api/series/${encodeURIComponent(c)}${q}` })),
      query({
        year: fc.oneof(year.map(String), anyText),
        threshold: fc.oneof(share.map(String), anyText),
        source: fc.constantFrom('nato', 'sipri', 'imf', ''),
        edition: fc.constantFrom('2024', '2025', '2026', '1999', 'latest'),
        press: fc.constantFrom('true', 'false', 'maybe'),
      }).map((q) => ({ method: 'GET', path: `/api/pledges${q}` })),
      text(runBody).map((body) => ({ method: 'POST', path: '/api/runs', body })),
      text(runBody).map((body) => ({ method: 'POST', path: '/api/runs', body })),
      text(runBody).map((body) => ({ method: 'POST', path: '/api/runs', body })),
      fc.constant({ method: 'GET', path: '/api/scenarios' }),
      text(saveBody).map((body) => ({ method: 'POST', path: '/api/scenarios', body })),
      text(saveBody).map((body) => ({ method: 'POST', path: '/api/scenarios', body })),
      fc.constant({ method: 'GET', path: '/api/scenarios/{id}' }),
      text(saveBody).map((body) => ({ method: 'PUT', path: '/api/scenarios/{id}', body })),
      fc.constant({ method: 'DELETE', path: '/api/scenarios/{id}' }),
      query({ refresh: fc.constantFrom('true', 'false', 'x') }).map((q) => ({
        method: 'GET',
        path: `/api/scenarios/{id}/results${q}`,
      })),
      fc
        .tuple(
          fc.constantFrom('PATCH', 'OPTIONS', 'DELETE', 'PUT', 'POST', 'GET', 'HEAD'),
          fc.constantFrom(
            '/api/runs',
            '/api/health',
            '/api/scenarios',
            '/api/scenarios/{id}',
            '/api/scenarios/{id}/results',
            '/api/scenarios/{id}/results/x',
            '/api/',
            '/api/nothing',
            '/api/series/',
            '/api/%',
            '/api/scenarios/%E0%A4%A',
            '/..%2f..%2fetc%2fpasswd',
            '/assets/missing.js',
            '/index.html',
            '/scenario/42',
            '/',
          ),
          fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyText }),
        )
        .map(([method, path, body]) => ({
          method,
          path,
          ...(body === null || method === 'GET' || method === 'HEAD' ? {} : { body }),
        })),
    ),
    contentType,
    fc.oneof(
      { weight: 20, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('evil.example', 'localhost:1', '127.0.0.1', 'LOCALHOST') },
    ),
    fc.nat(),
  )
  .map(([req, type, host, pick]) => ({
    ...req,
    headers: {
      ...('body' in req && req.body !== undefined && type !== '' ? { 'content-type': type } : {}),
      ...(host === null ? {} : { host }),
    },
    pick,
  }));

// --- checks ------------------------------------------------------------------------------------

/**
 * Where a run's answer may hold `null` (docs/api.md): the race intensity of the first year (a
 * growth rate has no year before), in the result and in the ensemble's `race_intensity` series; an
 * actor that never joins NATO (`joinsNato`); an ongoing war (`war.until`); the equilibrium of a
 * Richardson model that has none; the input as given.
 */
const NULL_ALLOWED = [
  /^\$(?:\.run)?\.result\.equilibrium$/,
  /\.indicators\.raceIntensity\[0\]$/,
  /\.scenario\.actors\[\d+\]\.joinsNato$/,
  /\.war\.until$/,
  /\.scenario\.input(\.|\[|$)/,
];
/** The ensemble series whose first year is `null`, as `raceIntensity[0]` of the result. */
const FIRST_YEAR_UNDEFINED = new Set(['race_intensity']);

/** Paths of the `null`s of a run's answer where a number is expected. */
function undefinedNumbers(value: unknown, path: string, out: string[]): string[] {
  if (value === null) {
    if (!NULL_ALLOWED.some((re) => re.test(path))) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [k, v] of value.entries()) undefinedNumbers(v, `${path}[${k}]`, out);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) undefinedNumbers(v, `${path}.${k}`, out);
  } else if (typeof value === 'number' && !Number.isFinite(value)) out.push(path);
  return out;
}

/** Whether `path` is the first year of an ensemble series that has none (its mean or a quantile). */
function firstYearOfSeries(body: unknown, path: string): boolean {
  const m = /\.ensemble\.series\[(\d+)\]\.(?:mean\[0\]|quantiles\[\d+\]\[0\])$/.exec(path);
  if (m === null) return false;
  const run = (body as { run?: unknown }).run ?? body;
  const series = (run as { ensemble?: { series?: { name?: string }[] } }).ensemble?.series?.[Number(m[1])];
  return FIRST_YEAR_UNDEFINED.has(series?.name ?? '');
}

/** Whether `path` is a security ratio in a year its actor faces no threat (capability ÷ 0: `null`). */
function withoutThreat(body: unknown, path: string): boolean {
  const m = /\.result\.actors\[(\d+)\]\.securityRatio\[(\d+)\]$/.exec(path);
  if (m === null) return false;
  const run = (body as { run?: unknown }).run ?? body;
  const actor = (run as { result?: { actors?: { threat?: number[] }[] } }).result?.actors?.[Number(m[1])];
  return actor?.threat?.[Number(m[2])] === 0;
}

const describeCase = (c: Case, path: string) =>
  `${c.method} ${path.slice(0, 200)} ${JSON.stringify(c.headers)} ${c.body === undefined ? '' : c.body.slice(0, 400)}`;

/**
 * Send `cases` generated requests (fixed by `seed`) to the app and count what went wrong.
 *
 * @example const summary = await fuzzApi({ cases: 500, seed: 1 }); summary.crashes // 0
 */
export async function fuzzApi(options: FuzzApiOptions): Promise<FuzzSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'armsrace-fuzz-api-'));
  const store = openStore(join(dir, 'armsrace.db'));
  const logged: string[] = [];
  const app = createApp({
    dataset: loadDataset(),
    store,
    webRoot: join(dir, 'no-web'),
    allowedHosts: ['localhost', '127.0.0.1'],
    runner: runInThread,
    log: (m) => logged.push(m),
  });
  const summary: FuzzSummary = { target: 'api', cases: 0, crashes: 0, nonFinite: 0, overTime: 0, failures: [] };
  const fail = (input: string, message: string) => {
    if (summary.failures.length < 50) summary.failures.push({ input, message });
  };
  const ids: string[] = [];
  try {
    const cases = fc.sample(request, { seed: options.seed, numRuns: options.cases });
    for (const c of cases) {
      const id = ids.length > 0 && c.pick % 5 !== 0 ? (ids[c.pick % ids.length] as string) : `no-such-id-${c.pick}`;
      const path = c.path.replaceAll('{id}', encodeURIComponent(id));
      const input = describeCase(c, path);
      const started = performance.now();
      let res: Response;
      let text: string;
      const seen = logged.length;
      try {
        res = await app.request(path, {
          method: c.method,
          headers: c.headers,
          ...(c.body === undefined ? {} : { body: c.body }),
        });
        text = await res.text();
      } catch (error) {
        summary.crashes++;
        fail(input, `the app threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      } finally {
        summary.cases++;
        options.onProgress?.(summary.cases);
      }
      const elapsed = performance.now() - started;
      if (elapsed > TIME_BOUND_MS) {
        summary.overTime++;
        fail(input, `answered in ${Math.round(elapsed)} ms, over ${TIME_BOUND_MS} ms`);
      }
      const { status } = res;
      if (status >= 500 && status !== 503 && status !== 507) {
        summary.crashes++;
        fail(input, `${status}: ${text.slice(0, 300)} ${logged.slice(seen).join(' | ').slice(0, 600)}`);
        continue;
      }
      if (!DOCUMENTED.has(status)) fail(input, `status ${status} is not one the API documents`);
      if (res.headers.get('x-content-type-options') !== 'nosniff' || !res.headers.has('content-security-policy')) {
        fail(input, `${status} without the security headers`);
      }
      const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
      const api = path.startsWith('/api/') || status === 421;
      if (status >= 400 && api && c.method !== 'HEAD') {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          fail(input, `${status} answered a body that is not JSON: ${text.slice(0, 200)}`);
          continue;
        }
        if (typeof body.code !== 'string' || typeof body.message !== 'string') {
          fail(input, `${status} without a code and a message: ${text.slice(0, 200)}`);
        } else if (/\n\s+at /.test(body.message)) fail(input, `${status} with a stack trace: ${body.message}`);
        if (status === 422 && typeof body.path !== 'string') fail(input, `422 ${body.code} without a path`);
        if (text.length > 20_000) fail(input, `${status} ${body.code}: an error body of ${text.length} characters`);
        continue;
      }
      if (status === 201 && isJson) {
        const saved = JSON.parse(text) as { id?: unknown };
        if (typeof saved.id === 'string') ids.push(saved.id);
      }
      if (status === 204 && c.method === 'DELETE') ids.splice(ids.indexOf(id), ids.includes(id) ? 1 : 0);
      const isRun = c.method === 'POST' && path.startsWith('/api/runs');
      const isResult = c.method === 'GET' && /\/results(\?|$)/.test(path);
      if (status === 200 && isJson && (isRun || isResult)) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          summary.nonFinite++;
          fail(input, `200 answered text that is not JSON (a NaN or an Infinity?): ${text.slice(0, 200)}`);
          continue;
        }
        const missing = undefinedNumbers(body, '$', []).filter(
          (p) => !firstYearOfSeries(body, p) && !withoutThreat(body, p),
        );
        if (missing.length > 0) {
          summary.nonFinite++;
          fail(input, `200 with null where a number is expected at ${missing.slice(0, 5).join(', ')}`);
        }
      }
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return summary;
}
