import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { runEnsembleParallel } from '../../src/node/ensemble-pool.js';

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
