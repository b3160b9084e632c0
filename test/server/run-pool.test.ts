import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { openStore } from '../../src/node/store.js';
import { WorkerPool } from '../../src/node/worker-pool.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/serve.js';

// Runs on one warm pool: the same answers as on fresh workers, the same errors, and the pool's
// workers reused from one request to the next.

const dataset = loadDataset();
const dir = mkdtempSync(join(tmpdir(), 'armsrace-run-pool-'));
const store = openStore(join(dir, 'armsrace.db'));
const pool = new WorkerPool({ size: 2 });
const warm = createApp({ dataset, store, pool });
const cold = createApp({ dataset, store });
afterAll(async () => {
  await pool.close();
  store.close();
});

const post = async (app: ReturnType<typeof createApp>, body: unknown) => {
  const res = await app.request('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const withoutTime = ({ elapsedMs: _, ...rest }: Record<string, unknown>) => rest;

describe('POST /api/runs on a warm pool', () => {
  it('answers as fresh workers do, run after run, on the same two workers', async () => {
    const requests = [
      { scenario: { end: 2035 } },
      { yaml: 'end: 2031\n', ensemble: { runs: 100, seed: 4 } },
      { scenario: { end: 2032, compliance: { default: 0.7 } }, ensemble: { runs: 64, seed: 9 } },
      { yaml: 'end: 2031\n', ensemble: { runs: 100, seed: 4 } },
    ];
    for (const request of requests) {
      const [a, b] = [await post(warm, request), await post(cold, request)];
      expect(a.status).toBe(200);
      expect(withoutTime(a.body)).toEqual(withoutTime(b.body));
    }
    expect(pool.stats()).toMatchObject({ workers: 2, started: 2, busy: 0, queued: 0 });
  }, 180_000);

  it('queues runs beyond its workers and answers them all', async () => {
    const bodies = [2030, 2031, 2032, 2033].map((end) => ({ scenario: { end }, ensemble: { runs: 40, seed: end } }));
    const answers = await Promise.all(bodies.map((body) => post(warm, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => (a.body.result as { years: number[] }).years.at(-1))).toEqual([2029, 2030, 2031, 2032]);
  }, 120_000);

  it('maps the errors of a run to the same answers', async () => {
    const richardson = await post(warm, {
      yaml: 'model: richardson\nrichardson: { actors: [A], reaction: [[0]], fatigue: [0.5], grievance: [1], initial: [1] }',
      ensemble: { runs: 10 },
    });
    expect(richardson.status).toBe(422);
    expect(richardson.body).toMatchObject({ code: 'bad-scenario', path: 'scenario.model' });
    for (const body of [
      { scenario: { start: 1990, end: 2040 } },
      { scenario: { start: 1990, end: 2040 }, ensemble: { runs: 10 } },
    ]) {
      const [a, b] = [await post(warm, body), await post(cold, body)];
      expect(a).toEqual(b);
      expect(a.status).toBe(422);
    }
  }, 120_000);

  it('answers 503 time-budget past the budget, replaces the stopped workers, and serves the next run', async () => {
    const hurried = createApp({ dataset, store, pool, limits: { timeBudgetMs: 50 } });
    const before = pool.stats().started;
    const late = await post(hurried, { scenario: {}, ensemble: { runs: 3000, seed: 1 } });
    expect(late.status).toBe(503);
    expect(late.body.code).toBe('time-budget');
    const next = await post(warm, { scenario: { end: 2030 } });
    expect(next.status).toBe(200);
    expect(pool.stats().started).toBeGreaterThan(before);
    expect(pool.stats().workers).toBeLessThanOrEqual(2);
  }, 120_000);
});

describe('startServer and its pool', () => {
  it('runs on one pool for its life and stops it on close', async () => {
    const server = await startServer({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'armsrace-run-pool-')),
      workers: 1,
    });
    let closed = false;
    try {
      expect(server.pool.size).toBe(1);
      for (const end of [2030, 2031]) {
        const res = await fetch(`${server.url}/api/runs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scenario: { end }, ensemble: { runs: 40 } }),
        });
        expect(res.status).toBe(200);
      }
      expect(server.pool.stats()).toMatchObject({ workers: 1, started: 1 });
      await server.close();
      closed = true;
      expect(server.pool.closed).toBe(true);
      expect(server.pool.stats().workers).toBe(0);
    } finally {
      if (!closed) await server.close();
    }
  }, 120_000);

  it('refuses a worker count out of range', async () => {
    await expect(startServer({ port: 0, workers: 0 })).rejects.toThrow(/workers: 0 is not accepted/);
  });
});
