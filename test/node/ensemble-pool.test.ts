import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { runEnsembleParallel } from '../../src/node/ensemble-pool.js';
import { WorkerPool } from '../../src/node/worker-pool.js';

const dataset = loadDataset();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('runEnsembleParallel', () => {
  // 200 members = four chunks, the last one short; parameters, fitted draws and GDP shocks all vary.
  const input = parseScenario(`
end: 2031
ensemble:
  uncertain:
    response: { bootstrap: fitted }
    war.RUS.until: { uniform: [2026, 2030] }
  events:
    - { series: RUS.burden, above: 8%, when: any }
    - { stability: positive, year: 2028 }
`);

  it('gives bit-identical results for 1 and 2 workers and in one thread', async () => {
    const sync = runEnsemble(input, dataset, { runs: 200, seed: 11 });
    const one = await runEnsembleParallel(input, dataset, { runs: 200, seed: 11, workers: 1 });
    const two = await runEnsembleParallel(input, dataset, { runs: 200, seed: 11, workers: 2 });
    expect(hash(one)).toBe(hash(sync));
    expect(hash(two)).toBe(hash(sync));
    expect(sync.events[1]?.name).toBe('Stability margin positive in 2028');
  }, 120_000);

  it('reports progress up to the number of members', async () => {
    const seen: number[] = [];
    await runEnsembleParallel(input, dataset, {
      runs: 130,
      seed: 1,
      workers: 2,
      onProgress: (done) => seen.push(done),
    });
    expect(seen.at(-1)).toBe(130);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 120_000);

  it('rejects a bad worker count before starting', async () => {
    await expect(runEnsembleParallel(input, dataset, { runs: 10, workers: 0 })).rejects.toThrow(
      /workers: 0 is not accepted; use a whole number from 1 to 64/,
    );
  });
});

describe('runEnsembleParallel on a warm pool', () => {
  const pool = new WorkerPool({ size: 2 });
  afterAll(() => pool.close());
  const scenarios = {
    uncertain: parseScenario(`
end: 2031
ensemble:
  uncertain:
    response: { bootstrap: fitted }
    war.RUS.until: { uniform: [2026, 2030] }
  events:
    - { series: RUS.burden, above: 8%, when: any }
    - { stability: positive, year: 2028 }
`),
    elastic: parseScenario(`
end: 2033
ensemble:
  uncertain:
    response.RUS.elasticity: { normal: [1, 0.5] }
    compliance.default: { uniform: [0.4, 1] }
`),
    shocksOnly: parseScenario('end: 2029'),
  };
  const sync = (name: keyof typeof scenarios, runs: number, seed: number) =>
    hash(runEnsemble(scenarios[name], dataset, { runs, seed }));

  it('gives the one-thread result, bit for bit, after several jobs of different scenarios and seeds', async () => {
    const jobs: [keyof typeof scenarios, number, number][] = [
      ['uncertain', 200, 11],
      ['elastic', 100, 3],
      ['uncertain', 200, 12],
      ['shocksOnly', 70, 5],
      ['elastic', 100, 3],
      ['uncertain', 200, 11],
    ];
    for (const [name, runs, seed] of jobs) {
      const parallel = await runEnsembleParallel(scenarios[name], dataset, { runs, seed, pool });
      expect([name, seed, hash(parallel)]).toEqual([name, seed, sync(name, runs, seed)]);
    }
    // Three at once, sharing the two workers.
    const together = await Promise.all(
      jobs.slice(0, 3).map(([name, runs, seed]) => runEnsembleParallel(scenarios[name], dataset, { runs, seed, pool })),
    );
    for (const [k, [name, runs, seed]] of jobs.slice(0, 3).entries())
      expect(hash(together[k])).toBe(sync(name, runs, seed));
    expect(pool.stats()).toMatchObject({ workers: 2, started: 2, busy: 0, queued: 0 });
  }, 240_000);

  it('runs again the chunks whose counts a worker took along when it crashed during another job', async () => {
    await runEnsembleParallel(scenarios.shocksOnly, dataset, { runs: 64, seed: 1, pool });
    const before = pool.stats().started;
    let crashed: Promise<unknown> | undefined;
    const result = await runEnsembleParallel(scenarios.uncertain, dataset, {
      runs: 320,
      seed: 21,
      pool,
      onProgress: (done) => {
        // Once chunks have run on both workers, another job crashes one of them.
        if (done >= 96 && crashed === undefined) {
          const crash = {
            module: new URL('./fixtures/pool-tasks.ts', import.meta.url).href,
            name: 'crash',
            arg: { code: 7 },
          };
          crashed = pool.run(crash).catch((e: unknown) => e);
        }
      },
    });
    expect(await crashed).toMatchObject({ code: 'worker-exited' });
    expect(hash(result)).toBe(sync('uncertain', 320, 21));
    expect(pool.stats().started).toBe(before + 1);
  }, 240_000);

  it('stops when aborted, and the pool then runs the next ensemble right', async () => {
    const stop = new AbortController();
    const aborted = runEnsembleParallel(scenarios.elastic, dataset, {
      runs: 640,
      seed: 2,
      pool,
      signal: stop.signal,
      onProgress: (done) => {
        if (done >= 64) stop.abort(new Error('no longer needed'));
      },
    });
    await expect(aborted).rejects.toThrow('no longer needed');
    const next = await runEnsembleParallel(scenarios.elastic, dataset, { runs: 100, seed: 3, pool });
    expect(hash(next)).toBe(sync('elastic', 100, 3));
  }, 240_000);

  it('reports a bad scenario found in a worker as the scenario error it is', async () => {
    const bad = parseScenario('ensemble: { uncertain: { response.RUS.mood: { normal: [1, 0.2] } } }');
    await expect(runEnsembleParallel(bad, dataset, { runs: 64, pool })).rejects.toMatchObject({
      name: 'ScenarioError',
      code: 'bad-scenario',
      path: 'scenario.ensemble.uncertain["response.RUS.mood"]',
    });
  }, 60_000);
});
