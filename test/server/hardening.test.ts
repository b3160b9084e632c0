import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { ScenarioError } from '../../src/core/scenario/parse-scenario.js';
import { openStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';
import { errorResponse } from '../../src/server/http-error.js';
import { computeRun } from '../../src/server/run-compute.js';
import { type runInThread, runOutcome } from '../../src/server/run-job.js';

// Answers to hostile or odd requests: deep nesting, long echoed values, foreign Host headers,
// failures during a run; and the headers every answer carries.

const dataset = loadDataset();
const dir = mkdtempSync(join(tmpdir(), 'armsrace-hardening-'));
const store = openStore(join(dir, 'armsrace.db'));
const webRoot = join(dir, 'web');
mkdirSync(join(webRoot, 'assets'), { recursive: true });
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>armsrace dashboard</title>');
const logged: string[] = [];
const app = createApp({ dataset, store, webRoot, log: (m) => logged.push(m) });
afterAll(() => store.close());

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function call(path: string, init?: RequestInit, target = app) {
  const res = await target.request(path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text || '{}') as Record<string, unknown> };
}

describe('nesting depth', () => {
  const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  it('answers 400 too-deep, not 500, for JSON nested 5,000 deep on every body route', async () => {
    const saved = await call('/api/scenarios', json({ name: 'Deep target', yaml: 'end: 2040' }));
    const id = saved.body.id as string;
    const bodies = [
      `{"scenario":${deepArray(5000)}}`,
      `{"scenario":{"x":${deepObject(5000)}}}`,
      `{"scenario":{},"ensemble":${deepArray(5000)}}`,
      `{"name":"x","scenario":{"pledges":${deepArray(5000)}}}`,
      deepArray(50_000),
    ];
    for (const [path, method] of [
      ['/api/runs', 'POST'],
      ['/api/scenarios', 'POST'],
      [`/api/scenarios/${id}`, 'PUT'],
    ] as const) {
      for (const body of bodies) {
        const { status, body: answer } = await call(path, json(body, method));
        expect({ path, status, code: answer.code }).toEqual({ path, status: 400, code: 'too-deep' });
        expect(answer.path).toBe('body');
        expect(String(answer.message)).toContain('64');
      }
    }
    expect(logged.filter((m) => m.includes('call stack'))).toEqual([]);
  });

  it('accepts nesting up to the limit, and counts no bracket inside a string', async () => {
    const atLimit = await call('/api/runs', json(`{"scenario":{"x":${deepObject(62)}}}`));
    expect(atLimit.body.code).toBe('bad-scenario');
    const overLimit = await call('/api/runs', json(`{"scenario":{"x":${deepObject(63)}}}`));
    expect(overLimit.body.code).toBe('too-deep');
    const quoted = await call('/api/runs', json({ yaml: `end: 2030\ndescription: "${'['.repeat(200)}\\"{"` }));
    expect(quoted.body.code).not.toBe('too-deep');
  });
});

describe('echoed values are cut', () => {
  const long = 'x'.repeat(10_000);
  const short = (answer: { body: Record<string, unknown>; text: string }) => {
    expect(answer.text.length).toBeLessThan(1200);
    expect(answer.text).not.toMatch(/x{81}|k{81}/);
  };

  it('in query values, query names, ids and paths', async () => {
    short(await call(`/api/pledges?threshold=${long}`));
    short(await call(`/api/pledges?year=${long}`));
    short(await call(`/api/pledges?source=${long}`));
    short(await call(`/api/pledges?edition=${long}`));
    short(await call(`/api/pledges?${long}=1`));
    short(await call(`/api/countries?all=${long}`));
    short(await call(`/api/series/${long}`));
    short(await call(`/api/series/RUS?indicator=${long}`));
    short(await call(`/api/scenarios/${long}`));
    short(await call(`/api/nothing/${long}`));
    const unknown = await call(`/api/pledges?${long}=1`);
    expect(String(unknown.body.path).length).toBeLessThanOrEqual(81);
  });

  it('in body fields, scenario fields and scenario values', async () => {
    short(await call('/api/runs', json(`{"${'k'.repeat(100_000)}":1}`)));
    short(await call('/api/runs', json(`{"scenario":{"${'k'.repeat(100_000)}":1}}`)));
    short(await call('/api/runs', json({ scenario: { end: long } })));
    short(await call('/api/runs', json({ scenario: {}, ensemble: { runs: long } })));
    short(await call('/api/runs', json({ yaml: 'end: 2040', ensemble: long })));
    short(await call('/api/scenarios', json({ name: long, yaml: 'end: 2040' })));
    short(await call('/api/runs', json({ yaml: `${long}: [` })));
    const named = await call('/api/scenarios', json({ name: 'y'.repeat(200), yaml: 'end: 2040' }));
    expect(named.status).toBe(201);
    const twice = await call('/api/scenarios', json({ name: 'y'.repeat(200), yaml: 'end: 2040' }));
    expect(twice.body.code).toBe('duplicate-name');
    expect(String(twice.body.message)).not.toContain('y'.repeat(81));
    await call(`/api/scenarios/${named.body.id}`, { method: 'DELETE' });
    const keyed = await call('/api/runs', json(`{"scenario":{"${'k'.repeat(100_000)}":1}}`));
    for (const issue of keyed.body.issues as { path: string; value?: unknown; message: string }[]) {
      expect(issue.message.length).toBeLessThan(400);
      expect(JSON.stringify(issue.value ?? '').length).toBeLessThan(100);
    }
  });

  it('lists at most 20 issues, and says how many more there were', () => {
    const issues = Array.from({ length: 5000 }, (_, k) => ({
      path: `scenario.pledges[${k}]`,
      value: 1,
      message: `scenario.pledges[${k}]: 1 is not of type object`,
    }));
    const { status, body } = errorResponse(new ScenarioError(issues));
    expect(status).toBe(422);
    expect(body.issues?.length).toBe(20);
    expect(body.path).toBe('scenario.pledges[0]');
    expect(body.message).toContain('and 4,980 more');
    expect(JSON.stringify(body).length).toBeLessThan(6000);
  });

  it('cuts long values of issues to their first 80 characters', () => {
    const { body } = errorResponse(
      new ScenarioError([
        { path: 'scenario.pledges', value: Array(10_000).fill(1), message: 'scenario.pledges: too many' },
      ]),
    );
    expect(body.issues?.[0]?.value).toMatch(/^\[1,1,.*…$/);
    expect(String(body.issues?.[0]?.value).length).toBe(81);
  });
});

describe('failures during a run', () => {
  it('422 run-failed with a path, not bad-request without one, when the model cannot run a valid scenario', async () => {
    // The run of the worker, in this thread, with an ensemble that fails once it has begun (as the
    // model's own checks do: a year without GDP, numbers that overflow): a RangeError from the run.
    const failingRun: typeof runInThread = async (input, data) =>
      runOutcome(
        await computeRun({ input, data, ensemble: { runs: 10, seed: 1 } }, async () => {
          throw new RangeError('POL: no GDP for 2031');
        }),
        performance.now(),
      );
    const failing = createApp({ dataset, store, runner: failingRun });
    const answer = await call('/api/runs', json({ scenario: { end: 2030 }, ensemble: { runs: 10 } }), failing);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'run-failed', path: 'scenario' });
    expect(String(answer.body.message)).toContain('no GDP for 2031');
  });

  it('answers a scenario that starts before the data with a 422 that names its field', async () => {
    const early = await call('/api/runs', json({ scenario: { start: 1990, end: 2040 } }));
    expect(early.status).toBe(422);
    expect(early.body.code).not.toBe('bad-request');
    expect(typeof early.body.path).toBe('string');
  });
});

describe('Host header', () => {
  const guarded = createApp({ dataset, store, webRoot, allowedHosts: ['127.0.0.1:8080', 'localhost:8080'] });

  it('answers 421 bad-host for a name the server is not bound to', async () => {
    for (const host of [
      'evil.example:8080',
      'evil.example',
      'localhost:9999',
      '127.0.0.1',
      `${'a'.repeat(5000)}.example`,
    ]) {
      const answer = await call('/api/health', { headers: { host } }, guarded);
      expect({ host: host.slice(0, 20), status: answer.status, code: answer.body.code }).toEqual({
        host: host.slice(0, 20),
        status: 421,
        code: 'bad-host',
      });
      expect(String(answer.body.message)).toContain('127.0.0.1:8080');
      expect(answer.text.length).toBeLessThan(800);
    }
    const page = await guarded.request('/', { headers: { host: 'evil.example:8080' } });
    expect(page.status).toBe(421);
  });

  it('accepts the bound names in any case', async () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080']) {
      expect((await guarded.request('/api/health', { headers: { host } })).status).toBe(200);
    }
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Headers, csp: RegExp) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toMatch(csp);
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  };

  it('on API answers, errors included', async () => {
    for (const path of ['/api/health', '/api/pledges?year=twenty', '/api/nothing', '/api/scenarios/none']) {
      const res = await app.request(path);
      expectHeaders(res.headers, /^default-src 'none'/);
    }
    const res = await app.request('/api/runs', json('{'));
    expect(res.status).toBe(400);
    expectHeaders(res.headers, /^default-src 'none'/);
  });

  it("on the page: scripts, workers and fetches from the server's own origin only, WebAssembly allowed", async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expectHeaders(res.headers, /^default-src 'self'/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // WebAssembly may be compiled (the model's kernel), JavaScript may not be evaluated or inlined.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(eval|inline|hashes)'/);
  });

  it('on the page saying the dashboard is not built, whose inline style the policy names by hash', async () => {
    const bare = createApp({ dataset, store, webRoot: join(dir, 'no-such-folder') });
    const res = await bare.request('/');
    const page = await res.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
