import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { openStore, type ScenarioStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';

const dataset = loadDataset();
const dir = mkdtempSync(join(tmpdir(), 'armsrace-app-'));
const store = openStore(join(dir, 'armsrace.db'));
const webRoot = join(dir, 'web');
mkdirSync(join(webRoot, 'assets'), { recursive: true });
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>armsrace dashboard</title>');
writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1);');
const logged: string[] = [];
const app = createApp({ dataset, store, webRoot, log: (m) => logged.push(m) });
afterAll(() => store.close());

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function call(
  path: string,
  init?: RequestInit,
  target = app,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await target.request(path, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** An error answer: the status, a code, a message naming `field`, and never a stack trace. */
async function expectError(
  path: string,
  init: RequestInit | undefined,
  status: number,
  code: string,
  field?: string,
  target = app,
) {
  const { status: got, body } = await call(path, init, target);
  expect({ status: got, code: body.code }).toEqual({ status, code });
  expect(typeof body.message).toBe('string');
  expect(String(body.message)).not.toMatch(/\n\s+at /);
  if (field !== undefined) expect(String(body.message)).toContain(field);
  return body;
}

describe('data routes', () => {
  it('GET /api/health answers ok with the version', async () => {
    const { status, body } = await call('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  it('GET /api/countries lists the actors with names, capitals and accession years', async () => {
    const { status, body } = await call('/api/countries');
    expect(status).toBe(200);
    const countries = body.countries as { iso3: string; name: string; capital: unknown; accession: unknown }[];
    const pol = countries.find((c) => c.iso3 === 'POL');
    expect(pol).toMatchObject({ name: 'Poland', capital: { name: 'Warsaw' }, accession: { year: 1999 } });
    expect(countries.find((c) => c.iso3 === 'RUS')).toMatchObject({ name: 'Russia', accession: null });
    expect(countries.length).toBe(32 + 7);
    const all = await call('/api/countries?all=true');
    expect((all.body.countries as unknown[]).length).toBeGreaterThan(200);
  });

  it('GET /api/series/:iso3 returns the series with their sources, any case', async () => {
    const { status, body } = await call('/api/series/rus');
    expect(status).toBe(200);
    expect(body.iso3).toBe('RUS');
    const series = body.series as { indicator: string; source: string }[];
    const sources = body.sources as { id: string; citation: string }[];
    expect(series.some((s) => s.indicator === 'milex_share_gdp' && s.source.startsWith('sipri'))).toBe(true);
    for (const s of series) expect(sources.some((x) => x.id === s.source)).toBe(true);
    const filtered = await call('/api/series/RUS?indicator=milex_share_gdp');
    expect((filtered.body.series as { indicator: string }[]).every((s) => s.indicator === 'milex_share_gdp')).toBe(
      true,
    );
  });

  it('GET /api/pledges returns the pledge report', async () => {
    const { status, body } = await call('/api/pledges?year=2014');
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2014, threshold: 0.02, sourceKind: 'nato' });
    expect((body.counts as { meets: number }).meets).toBe(3);
    const higher = await call('/api/pledges?year=2024&threshold=3.5%25&source=nato');
    expect(higher.body.threshold).toBeCloseTo(0.035);
  });
});

describe('POST /api/runs', () => {
  it('runs a scenario given as an object', async () => {
    const { status, body } = await call('/api/runs', json({ scenario: { end: 2035, compliance: { default: 1 } } }));
    expect(status).toBe(200);
    const result = body.result as { model: string; years: number[] };
    expect(result.model).toBe('demand');
    expect(result.years[0]).toBe(2025);
    expect(result.years.at(-1)).toBe(2034);
    expect(body.ensemble).toBeUndefined();
    expect(typeof body.elapsedMs).toBe('number');
  });

  it('runs a scenario given as YAML, with an ensemble', async () => {
    const { status, body } = await call('/api/runs', json({ yaml: 'end: 2028\n', ensemble: { runs: 20, seed: 7 } }));
    expect(status).toBe(200);
    expect(body.ensemble).toMatchObject({ runs: 20, seed: 7, years: [2025, 2026, 2027] });
  });

  it('runs a Richardson scenario', async () => {
    const yaml =
      'model: richardson\nend: 2035\nrichardson: { actors: [A, B], reaction: [[0, 0.2], [0.3, 0]], fatigue: [0.5, 0.5], grievance: [1, 1], initial: [1, 1] }';
    const { status, body } = await call('/api/runs', json({ yaml }));
    expect(status).toBe(200);
    expect((body.result as { model: string }).model).toBe('richardson');
  });
});

describe('saved scenarios', () => {
  it('creates, lists, reads, renames, replaces, runs and deletes', async () => {
    const created = await app.request('/api/scenarios', json({ name: 'Hague met', yaml: 'end: 2032\n' }));
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string; name: string; yaml: string };
    expect(created.headers.get('location')).toBe(`/api/scenarios/${saved.id}`);
    expect(saved).toMatchObject({ name: 'Hague met', yaml: 'end: 2032\n' });

    const fromObject = await call('/api/scenarios', json({ scenario: { name: 'From object', end: 2031 } }));
    expect(fromObject.status).toBe(201);
    expect(fromObject.body).toMatchObject({ name: 'From object', yaml: expect.stringContaining('end: 2031') });

    const list = await call('/api/scenarios');
    expect((list.body.scenarios as { name: string }[]).map((s) => s.name)).toEqual(['From object', 'Hague met']);
    expect((await call(`/api/scenarios/${saved.id}`)).body).toMatchObject({ id: saved.id, yaml: 'end: 2032\n' });

    const renamed = await call(`/api/scenarios/${saved.id}`, json({ name: 'Hague in full' }, 'PUT'));
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Hague in full', yaml: 'end: 2032\n' } });
    const replaced = await call(`/api/scenarios/${saved.id}`, json({ yaml: 'end: 2030\n' }, 'PUT'));
    expect(replaced).toMatchObject({ status: 200, body: { name: 'Hague in full', yaml: 'end: 2030\n' } });

    const first = await call(`/api/scenarios/${saved.id}/results`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ scenarioId: saved.id, cached: false });
    expect((first.body.run as { result: { years: number[] } }).result.years.at(-1)).toBe(2029);
    const again = await call(`/api/scenarios/${saved.id}/results`);
    expect(again.body).toMatchObject({ cached: true, created: first.body.created });
    expect(again.body.run).toEqual(first.body.run);

    const deleted = await app.request(`/api/scenarios/${saved.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await expectError(`/api/scenarios/${saved.id}`, undefined, 404, 'scenario-not-found', saved.id);
    await call(`/api/scenarios/${fromObject.body.id}`, { method: 'DELETE' });
  });
});

describe('dashboard hosting', () => {
  it('serves files, index.html for app routes, and 404 for missing files', async () => {
    const root = await app.request('/');
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('armsrace dashboard');
    const asset = await app.request('/assets/app-1234.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await app.request('/scenario/42')).text()).toContain('armsrace dashboard');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('answers / with a page saying how to build the dashboard when it is missing', async () => {
    const bare = createApp({ dataset, store, webRoot: join(dir, 'no-such-folder') });
    const res = await bare.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('not built');
    expect(page).toContain('npm run build');
    expect((await bare.request('/api/health')).status).toBe(200);
  });
});

describe('malformed and oversized requests', () => {
  it('400 bad-json for a body that is not JSON', async () => {
    await expectError('/api/runs', json('{"scenario": {'), 400, 'bad-json', 'body');
  });

  it('400 bad-body for JSON that is not an object', async () => {
    await expectError('/api/runs', json('[1, 2]'), 400, 'bad-body', 'body');
  });

  it('415 for a wrong content type', async () => {
    const body = await expectError(
      '/api/runs',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"scenario": {}}' },
      415,
      'unsupported-media-type',
      'application/json',
    );
    expect(body.path).toBe('content-type');
  });

  it('413 for a body over 256 KiB', async () => {
    const big = JSON.stringify({ scenario: { description: 'x'.repeat(300 * 1024) } });
    await expectError('/api/runs', json(big), 413, 'body-too-large', '256 KiB');
    await expectError(
      '/api/runs',
      { ...json(big), headers: { 'content-type': 'application/json', 'content-length': String(big.length) } },
      413,
      'body-too-large',
    );
  });

  it('422 with the issues list for an unknown scenario field', async () => {
    const body = await expectError('/api/runs', json({ scenario: { end: 2040, colour: 'red' } }), 422, 'bad-scenario');
    expect(body.message).toContain('"colour"');
    expect(body.issues).toEqual([
      expect.objectContaining({ path: 'scenario', message: expect.stringContaining('colour') }),
    ]);
  });

  it('422 for a percentage above 100', async () => {
    const body = await expectError(
      '/api/runs',
      json({ scenario: { pledges: [{ target: '150%', by: 2035 }] } }),
      422,
      'bad-scenario',
      '150%',
    );
    expect(body.path).toBe('scenario.pledges[0].target');
  });

  it('422 for an end before the start', async () => {
    const body = await expectError('/api/runs', json({ yaml: 'start: 2040\nend: 2030' }), 422, 'bad-scenario', '2030');
    expect(body.path).toBe('scenario.end');
  });

  it('422 for more ensemble members than the server runs', async () => {
    const body = await expectError(
      '/api/runs',
      json({ scenario: {}, ensemble: { runs: 6000 } }),
      422,
      'too-many-runs',
      '5,000',
    );
    expect(body.path).toBe('ensemble.runs');
    const fromScenario = await expectError(
      '/api/runs',
      json({ scenario: { ensemble: { runs: 10000 } }, ensemble: {} }),
      422,
      'too-many-runs',
    );
    expect(fromScenario.path).toBe('scenario.ensemble.runs');
    await expectError('/api/runs', json({ scenario: {}, ensemble: { runs: 2.5 } }), 422, 'bad-runs', '2.5');
  });

  it('422 for a horizon over 100 years', async () => {
    const body = await expectError(
      '/api/runs',
      json({ scenario: { start: 2025, end: 2200 } }),
      422,
      'horizon-too-long',
      '175 years',
    );
    expect(body.path).toBe('scenario.end');
  });

  it('422 for an unknown body field or a missing scenario', async () => {
    const body = await expectError('/api/runs', json({ scenario: {}, runs: 5 }), 422, 'unknown-field', 'body.runs');
    expect(body.path).toBe('body.runs');
    await expectError('/api/runs', json({}), 422, 'missing-scenario', 'scenario');
    await expectError('/api/runs', json({ scenario: {}, yaml: 'end: 2040' }), 422, 'ambiguous-scenario');
  });

  it('422 for an ensemble of a Richardson scenario (checked in the worker)', async () => {
    const yaml =
      'model: richardson\nrichardson: { actors: [A], reaction: [[0]], fatigue: [0.5], grievance: [1], initial: [1] }';
    const body = await expectError('/api/runs', json({ yaml, ensemble: { runs: 10 } }), 422, 'bad-scenario');
    expect(body.path).toBe('scenario.model');
  });

  it('503 time-budget when a run takes longer than the budget', async () => {
    const slow = createApp({ dataset, store, limits: { timeBudgetMs: 1 } });
    const res = await slow.request('/api/runs', json({ scenario: { end: 2030 } }));
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('time-budget');
    expect(body.message).toContain('0.001 s');
  });

  it('404 for an unknown country in /api/series', async () => {
    const body = await expectError('/api/series/XYZ', undefined, 404, 'unknown-country', '"XYZ"');
    expect(body.path).toBe('iso3');
    await expectError('/api/series/RUS?indicator=tanks', undefined, 400, 'bad-indicator', '"tanks"');
  });

  it('400 for a bad year, threshold, source or parameter in /api/pledges', async () => {
    expect((await expectError('/api/pledges?year=twenty', undefined, 400, 'bad-year', '"twenty"')).path).toBe('year');
    await expectError('/api/pledges?year=1990', undefined, 400, 'unknown-year', '2014');
    await expectError('/api/pledges?threshold=abc', undefined, 400, 'bad-share', 'threshold');
    await expectError('/api/pledges?source=imf', undefined, 400, 'unknown-source', '"imf"');
    await expectError('/api/pledges?yaer=2014', undefined, 400, 'unknown-parameter', 'yaer');
  });

  it('404 for a PUT to a missing id', async () => {
    await expectError('/api/scenarios/no-such-id', json({ name: 'x' }, 'PUT'), 404, 'scenario-not-found', 'no-such-id');
    await expectError('/api/scenarios/no-such-id/results', undefined, 404, 'scenario-not-found');
    await expectError('/api/scenarios/no-such-id', { method: 'DELETE' }, 404, 'scenario-not-found');
  });

  it('409 for a duplicate name on POST and on a rename', async () => {
    const a = await call('/api/scenarios', json({ name: 'Twice', yaml: 'end: 2040' }));
    const b = await call('/api/scenarios', json({ name: 'Other', yaml: 'end: 2040' }));
    const body = await expectError('/api/scenarios', json({ name: 'Twice', yaml: 'end: 2041' }), 409, 'duplicate-name');
    expect(body).toMatchObject({ path: 'name', message: expect.stringContaining('"Twice"') });
    await expectError(`/api/scenarios/${b.body.id}`, json({ name: 'Twice' }, 'PUT'), 409, 'duplicate-name');
    await call(`/api/scenarios/${a.body.id}`, { method: 'DELETE' });
    await call(`/api/scenarios/${b.body.id}`, { method: 'DELETE' });
  });

  it('422 for invalid YAML on POST /api/scenarios, and nothing is saved', async () => {
    const before = store.list().length;
    const body = await expectError(
      '/api/scenarios',
      json({ name: 'Broken', yaml: 'end: [2040\npledges: {' }),
      422,
      'bad-scenario',
      'not valid YAML',
    );
    expect(body.path).toBe('scenario');
    await expectError('/api/scenarios', json({ name: 'Broken', yaml: 'start: 2050\nend: 2040' }), 422, 'bad-scenario');
    await expectError('/api/scenarios', json({ yaml: 'end: 2040' }), 422, 'missing-name', 'name');
    await expectError('/api/scenarios', json({ name: '', yaml: 'end: 2040' }), 422, 'bad-name', 'name');
    await expectError('/api/scenarios', json({ name: 'x', yaml: 42 }), 422, 'bad-yaml', 'yaml');
    expect(store.list().length).toBe(before);
  });

  it('422 for a PUT that changes nothing; 405 and 404 for wrong methods and routes', async () => {
    const a = await call('/api/scenarios', json({ name: 'Put me', yaml: 'end: 2040' }));
    await expectError(`/api/scenarios/${a.body.id}`, json({}, 'PUT'), 422, 'empty-update');
    await call(`/api/scenarios/${a.body.id}`, { method: 'DELETE' });
    const res = await app.request('/api/runs');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    await expectError('/api/nothing-here', undefined, 404, 'not-found', '/api/nothing-here');
  });

  it('500 internal for an unexpected exception, without the details, and logs it', async () => {
    const broken: ScenarioStore = {
      ...store,
      list: () => {
        throw new Error('disk on fire');
      },
    };
    const fragile = createApp({ dataset, store: broken, log: (m) => logged.push(m) });
    const body = await expectError('/api/scenarios', undefined, 500, 'internal', undefined, fragile);
    expect(body.message).not.toContain('disk on fire');
    expect(logged.some((m) => m.includes('disk on fire'))).toBe(true);
    expect((await fragile.request('/api/countries')).status).toBe(200);
  });

  it('still answers /api/health after all of them', async () => {
    const { status, body } = await call('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });
});
