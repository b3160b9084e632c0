import { createRequire } from 'node:module';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { pledgeReport } from '../core/analyze/pledge-report.js';
import { OTHER_ACTORS } from '../core/data/actors.js';
import type { Dataset } from '../core/data/dataset.js';
import { INDICATORS, type Indicator, type SourceInfo } from '../core/data/types.js';
import { InputError } from '../core/errors.js';
import { parseScenario } from '../core/scenario/parse-scenario.js';
import { parseShare } from '../core/units.js';
import type { ScenarioStore } from '../node/store.js';
import type { WorkerPool } from '../node/worker-pool.js';
import { clip, errorResponse, HttpError } from './http-error.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
import { checkFields, readJsonObject } from './read-body.js';
import { runJob } from './run-job.js';
import { checkHorizon, readRunRequest, scenarioText } from './run-request.js';
import { type AllowedHosts, hostCheck, securityHeaders } from './security.js';
import { staticSite } from './static-site.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The data the API serves and runs scenarios on. */
  readonly dataset: Dataset;
  /** The saved-scenario store. */
  readonly store: ScenarioStore;
  /** Folder of the built dashboard, served at `/`; default `dist/web`. */
  readonly webRoot?: string;
  /** Limits on requests; missing entries take {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<ServerLimits>;
  /** Where unexpected errors are reported (with their stack); default `console.error`. */
  readonly log?: (message: string) => void;
  /**
   * The `Host` names (with their port, e.g. `localhost:8080`) the app answers to; any other is
   * refused with 421 `bad-host`. Default: no check ({@link startServer} always gives them).
   */
  readonly allowedHosts?: AllowedHosts;
  /** How a run is computed; default {@link runJob} (worker threads, stopped at the time budget). */
  readonly runner?: typeof runJob;
  /**
   * The worker pool runs are computed on, kept warm between them ({@link startServer} gives one for
   * the server's life); default a pool started for each run and closed after it.
   */
  readonly pool?: WorkerPool;
}

/** Query parameters as a record, refusing unknown ones with 400 `unknown-parameter`. */
function query(c: Context, allowed: readonly string[]): Record<string, string | undefined> {
  const q = c.req.query();
  const unknown = Object.keys(q).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const name = clip(unknown[0] as string);
    throw new HttpError(
      400,
      'unknown-parameter',
      `${name}: unknown query parameter${allowed.length === 0 ? '; this route takes none' : `; accepted: ${allowed.join(', ')}`}`,
      name,
    );
  }
  return q;
}

function flag(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new InputError('bad-flag', `${name}: "${clip(text)}" is not accepted; use true or false`, name);
}

/** 405 for a route that exists under other methods. */
function methodNotAllowed(allow: string) {
  return (c: Context) => {
    c.header('allow', allow);
    return c.json(
      {
        code: 'method-not-allowed',
        message: `${c.req.method} ${clip(c.req.path)}: method not allowed; use ${allow.replace(', ', ' or ')}`,
      },
      405,
    );
  };
}

/**
 * Build the HTTP API and the dashboard's static hosting as a Hono app (serve it with
 * {@link startServer}, or call `app.request()` in tests). Every error answers
 * `{ code, message, path? }` JSON with a 4xx status, or 500 `internal` for a bug; the app keeps
 * serving after either.
 *
 * @example const app = createApp({ dataset: loadDataset(), store: openStore(':memory:') }); (await app.request('/api/health')).status // 200
 */
export function createApp(options: AppOptions): Hono {
  const { dataset, store } = options;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((message: string) => console.error(message));
  const runner = options.runner ?? runJob;
  const app = new Hono();
  let activeRuns = 0;

  /** Run a scenario on worker threads within the time budget, counting runs in progress. */
  const run = async (input: Parameters<typeof runJob>[0], ensemble?: { runs: number; seed: number }) => {
    if (activeRuns >= limits.maxConcurrentRuns) {
      throw new HttpError(
        503,
        'busy',
        `the server is computing ${activeRuns} runs, its limit; try again in a few seconds`,
      );
    }
    activeRuns++;
    try {
      return await runner(input, dataset, {
        timeBudgetMs: limits.timeBudgetMs,
        ...(ensemble === undefined ? {} : { ensemble }),
        ...(limits.ensembleWorkers === undefined ? {} : { workers: limits.ensembleWorkers }),
        ...(options.pool === undefined ? {} : { pool: options.pool }),
      });
    } finally {
      activeRuns--;
    }
  };

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return c.json({ code: 'http-error', message: clip(error.message || `status ${error.status}`) }, error.status);
    }
    const { status, body } = errorResponse(error, (e) =>
      log(
        `armsrace serve: ${c.req.method} ${clip(c.req.path, 200)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ),
    );
    return c.json(body, status as 400);
  });

  app.use(securityHeaders());
  if (options.allowedHosts !== undefined) app.use(hostCheck(options.allowedHosts));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      // The rest of the body is not read: the connection closes after the answer.
      onError: (c) =>
        c.json(
          {
            code: 'body-too-large',
            message: `body: larger than the ${limits.maxBodyBytes / 1024} KiB this server accepts; send a smaller request (a scenario is a few KiB)`,
            path: 'body',
          },
          413,
          { connection: 'close' },
        ),
    }),
  );

  // --- data ---------------------------------------------------------------------------------

  app.get('/api/health', (c) => {
    query(c, []);
    const health = store.health();
    if (health.status === 'damaged') {
      return c.json({ status: 'store-damaged', version, code: health.code, message: health.message }, 503);
    }
    return c.json({ status: 'ok', version, scenarios: store.list().length });
  });

  app.get('/api/countries', (c) => {
    const all = flag('all', query(c, ['all']).all) ?? false;
    const allies = dataset.allies();
    const codes = all
      ? dataset.data.countries.map((k) => k.iso3)
      : [...allies, ...OTHER_ACTORS.filter((iso3) => !allies.includes(iso3))];
    const countries = codes.flatMap((iso3) => {
      const country = dataset.country(iso3);
      if (country === undefined) return [];
      const accession = dataset.accession(iso3);
      return [
        {
          iso3,
          name: country.name,
          capital: country.capital ?? null,
          accession: accession === undefined ? null : { year: accession.year, date: accession.date },
          borders: country.borders,
          ...(country.dissolved === undefined ? {} : { dissolved: country.dissolved }),
        },
      ];
    });
    return c.json({ countries });
  });

  app.get('/api/series/:iso3', (c) => {
    const q = query(c, ['indicator', 'source']);
    const raw = c.req.param('iso3');
    const iso3 = raw.toUpperCase();
    const country = dataset.country(iso3);
    if (q.indicator !== undefined && !INDICATORS.includes(q.indicator as Indicator)) {
      throw new InputError(
        'bad-indicator',
        `indicator: "${clip(q.indicator)}" is not known; use one of ${INDICATORS.join(', ')}`,
        'indicator',
      );
    }
    const every = dataset.list({ iso3 });
    if (country === undefined && every.length === 0) {
      throw new HttpError(
        404,
        'unknown-country',
        `iso3: "${clip(raw)}" is not a country of the dataset; use an ISO 3166 alpha-3 code such as POL or RUS (GET /api/countries lists them)`,
        'iso3',
      );
    }
    const series = every.filter(
      (s) =>
        (q.indicator === undefined || s.indicator === q.indicator) && (q.source === undefined || s.source === q.source),
    );
    const sources = new Map<string, SourceInfo>();
    for (const s of series) {
      const info = dataset.source(s.source);
      if (info !== undefined) sources.set(info.id, info);
    }
    return c.json({ iso3, name: country?.name ?? iso3, series, sources: [...sources.values()] });
  });

  app.get('/api/pledges', (c) => {
    const q = query(c, ['year', 'threshold', 'source', 'edition', 'press']);
    if (q.year !== undefined && !/^\d{4}$/.test(q.year)) {
      throw new InputError('bad-year', `year: "${clip(q.year)}" is not a year; use four digits, e.g. 2024`, 'year');
    }
    const press = flag('press', q.press);
    const report = pledgeReport(dataset, {
      ...(q.year === undefined ? {} : { year: Number(q.year) }),
      ...(q.threshold === undefined ? {} : { threshold: parseShare(q.threshold, 'threshold') }),
      ...(q.source === undefined ? {} : { source: q.source }),
      ...(q.edition === undefined ? {} : { edition: q.edition }),
      ...(press === undefined ? {} : { includePress: press }),
    });
    return c.json(report);
  });

  // --- runs ---------------------------------------------------------------------------------

  app.post('/api/runs', async (c) => {
    query(c, []);
    const request = readRunRequest(await readJsonObject(c, limits.maxJsonDepth), limits);
    const outcome = await run(request.input, request.ensemble);
    return c.json(outcome);
  });

  // --- saved scenarios ----------------------------------------------------------------------

  app.get('/api/scenarios', (c) => {
    query(c, []);
    return c.json({ scenarios: store.list() });
  });

  app.post('/api/scenarios', async (c) => {
    query(c, []);
    const body = await readJsonObject(c, limits.maxJsonDepth);
    checkFields(body, ['name', 'yaml', 'scenario'], 'body');
    const yaml = scenarioText(body);
    if (yaml === undefined) {
      throw new HttpError(
        422,
        'missing-scenario',
        'body: has no scenario; send {"name": "…", "yaml": "end: 2040"} or {"name": "…", "scenario": {"end": 2040}}',
        'body.yaml',
      );
    }
    const name = body.name === undefined ? parseScenario(yaml).name : body.name;
    if (name === undefined) {
      throw new HttpError(
        422,
        'missing-name',
        'name: missing; give "name" in the body, or a name: field in the scenario',
        'name',
      );
    }
    const saved = store.create({ name: name as string, yaml });
    c.header('location', `/api/scenarios/${saved.id}`);
    return c.json(saved, 201);
  });

  const mustGet = (id: string) => {
    const saved = store.get(id);
    if (saved === undefined) {
      throw new HttpError(
        404,
        'scenario-not-found',
        `id: "${clip(id)}" is not a saved scenario; GET /api/scenarios lists them`,
        'id',
      );
    }
    return saved;
  };

  app.get('/api/scenarios/:id', (c) => {
    query(c, []);
    return c.json(mustGet(c.req.param('id')));
  });

  app.put('/api/scenarios/:id', async (c) => {
    query(c, []);
    const id = c.req.param('id');
    const body = await readJsonObject(c, limits.maxJsonDepth);
    checkFields(body, ['name', 'yaml', 'scenario'], 'body');
    mustGet(id);
    const yaml = scenarioText(body);
    if (yaml === undefined && body.name === undefined) {
      throw new HttpError(
        422,
        'empty-update',
        'body: changes nothing; send "name" to rename, "yaml" or "scenario" to replace the scenario, or both',
        'body',
      );
    }
    const changes = {
      ...(body.name === undefined ? {} : { name: body.name as string }),
      ...(yaml === undefined ? {} : { yaml }),
    };
    return c.json(store.update(id, changes));
  });

  app.delete('/api/scenarios/:id', (c) => {
    query(c, []);
    const id = c.req.param('id');
    if (!store.remove(id)) mustGet(id); // throws 404
    return c.body(null, 204);
  });

  app.get('/api/scenarios/:id/results', async (c) => {
    const refresh = flag('refresh', query(c, ['refresh']).refresh) ?? false;
    const saved = mustGet(c.req.param('id'));
    const latest = refresh ? undefined : store.latestResult(saved.id);
    const answer = (created: string, cached: boolean, json: string) =>
      c.body(
        `{"scenarioId":${JSON.stringify(saved.id)},"created":${JSON.stringify(created)},"cached":${cached},"run":${json}}`,
        200,
        { 'content-type': 'application/json' },
      );
    if (latest !== undefined) return answer(latest.created, true, latest.json);
    const input = parseScenario(saved.yaml);
    checkHorizon(input, limits);
    const outcome = await run(input);
    const stored = store.saveResult(saved.id, JSON.stringify(outcome));
    return answer(stored.created, false, stored.json);
  });

  app.all('/api/health', methodNotAllowed('GET'));
  app.all('/api/countries', methodNotAllowed('GET'));
  app.all('/api/series/:iso3', methodNotAllowed('GET'));
  app.all('/api/pledges', methodNotAllowed('GET'));
  app.all('/api/runs', methodNotAllowed('POST'));
  app.all('/api/scenarios', methodNotAllowed('GET, POST'));
  app.all('/api/scenarios/:id', methodNotAllowed('GET, PUT, DELETE'));
  app.all('/api/scenarios/:id/results', methodNotAllowed('GET'));
  app.all('/api/*', (c) =>
    c.json(
      {
        code: 'not-found',
        message: `${c.req.method} ${clip(c.req.path)}: no such route; see docs/api.md for the routes`,
      },
      404,
    ),
  );

  // --- dashboard ----------------------------------------------------------------------------

  app.get('*', staticSite(options.webRoot ?? 'dist/web'));
  app.notFound((c) =>
    c.json({ code: 'not-found', message: `${c.req.method} ${clip(c.req.path)}: no such route; see docs/api.md` }, 404),
  );
  return app;
}
