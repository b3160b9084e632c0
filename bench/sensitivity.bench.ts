/**
 * Time of a Sobol' analysis of the Ishigami function padded with five dummy factors (k = 8) at
 * N = 1024 base samples: the Saltelli design (N(k + 2) = 10,240 runs), the model runs, and the
 * estimators with 200 bootstrap replicates. Also times Morris screening of the same model
 * (r = 20). Run: `npm run build:bench && node dist-bench/sensitivity.bench.js [repeats]` (`npm run bench`
 * runs it with the others).
 */
import {
  type Factor,
  ishigami,
  morrisScreening,
  saltelliRows,
  saltelliSample,
  sobolIndices,
} from '../dist/core/sensitivity/index.js';

const repeats = Number(process.argv[2] ?? 20);
const model = ishigami();
const dummies = ['d1', 'd2', 'd3', 'd4', 'd5'].map((name) => ({ name, low: 0, high: 1 }));
const factors: Factor[] = [...model.factors, ...dummies];
const baseSamples = 1024;

function time(label: string, run: () => number): void {
  for (let i = 0; i < 3; i++) run(); // warm up the JIT
  const times: number[] = [];
  let checksum = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    checksum += run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const best = times[0] ?? Number.NaN;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms, best ${best.toFixed(2).padStart(8)} ms ` +
      `(checksum ${checksum.toExponential(6)})`,
  );
}

console.log(`Ishigami + 5 dummy factors (k = ${factors.length}), N = ${baseSamples}, ${repeats} repeats each`);
time('Saltelli design only (10,240 rows)', () => saltelliRows(saltelliSample(factors, baseSamples)).length);
time('sobolIndices, bootstrap 200 (10,240 runs)', () => {
  const result = sobolIndices(model.evaluate, factors, { baseSamples });
  return result.outputs[0]?.factors[0]?.total.estimate ?? Number.NaN;
});
time('sobolIndices, no bootstrap', () => {
  const result = sobolIndices(model.evaluate, factors, { baseSamples, bootstrap: 0 });
  return result.outputs[0]?.factors[0]?.total.estimate ?? Number.NaN;
});
time('sobolIndices, second order, bootstrap 200 (18,432 runs)', () => {
  const result = sobolIndices(model.evaluate, factors, { baseSamples, secondOrder: true });
  return result.outputs[0]?.pairs[1]?.second.estimate ?? Number.NaN;
});
time('morrisScreening, r = 20 (180 runs)', () => {
  const result = morrisScreening(model.evaluate, factors);
  return result.outputs[0]?.factors[0]?.muStar ?? Number.NaN;
});
