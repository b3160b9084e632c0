/**
 * Time per 1,000 integrations of a 70-dimensional linear system (a 70-actor Richardson model)
 * over 25 years, with RK4 at a 1/12-year step and with Dormand–Prince 5(4) at its default
 * tolerances. Run: `npm run build:bench && node dist-bench/solvers.bench.js [integrations]` (`npm run
 * bench` runs it with the others).
 */
import { richardsonDerivative, richardsonStability } from '../dist/core/model/index.js';
import { createRk4Workspace, integrateDormandPrince, integrateRk4 } from '../dist/core/solve/index.js';

const n = 70;
const years = 25;
const integrations = Number(process.argv[2] ?? 1000);

// A fixed linear congruential generator, so every run times the same system.
let state = 12345;
const next = (): number => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 2 ** 32;
};
const reactionMatrix = new Float64Array(n * n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) if (i !== j) reactionMatrix[i * n + j] = 0.004 * next();
}
const parameters = {
  reactionMatrix,
  fatigueRate: Float64Array.from({ length: n }, () => 0.2 + 0.3 * next()),
  grievance: Float64Array.from({ length: n }, () => 1 + 20 * next()),
};
const x0 = Float64Array.from({ length: n }, () => 10 + 90 * next());
const f = richardsonDerivative(parameters);

function time(label: string, run: () => number): void {
  run(); // warm up the JIT
  for (let k = 0; k < Math.min(50, integrations); k++) run();
  let checksum = 0;
  const start = performance.now();
  for (let k = 0; k < integrations; k++) checksum += run();
  const elapsed = performance.now() - start;
  const perThousand = (elapsed / integrations) * 1000;
  console.log(
    `${label.padEnd(42)} ${perThousand.toFixed(0).padStart(7)} ms per 1,000 integrations ` +
      `(${(elapsed / integrations).toFixed(3)} ms each; checksum ${checksum.toExponential(6)})`,
  );
}

console.log(
  `70-dimensional linear system over ${years} years; stability margin ` +
    `${richardsonStability(parameters).margin.toFixed(4)} per year; ${integrations} integrations each`,
);
const workspace = createRk4Workspace(n);
let rk4Evaluations = 0;
time('RK4, step 1/12 year (300 steps)', () => {
  const result = integrateRk4(f, x0, 0, years, { stepYears: 1 / 12, workspace });
  rk4Evaluations = result.evaluations;
  return result.y[0] as number;
});
console.log(`  derivative calls per integration: ${rk4Evaluations}`);
let stats = { acceptedSteps: 0, rejectedSteps: 0, evaluations: 0 };
time('Dormand–Prince 5(4), rtol 1e-8, atol 1e-10', () => {
  const result = integrateDormandPrince(f, x0, 0, years);
  stats = result.stats;
  return result.y[0] as number;
});
console.log(
  `  steps accepted ${stats.acceptedSteps}, rejected ${stats.rejectedSteps}, derivative calls ${stats.evaluations}`,
);
