/**
 * Time one default run of the demand model to 2050 and 1,000 sequential runs, and its integration
 * with the WebAssembly and the TypeScript kernel.
 * Run: npm run bench (prints figures; nothing is asserted).
 */
import { loadDataset } from '../dist/core/data/load-dataset.js';
import { buildDemandModel } from '../dist/core/model/demand/index.js';
import { parseScenario } from '../dist/core/scenario/parse-scenario.js';
import { resolveScenario } from '../dist/core/scenario/resolve-scenario.js';
import { runDemand, simulate } from '../dist/core/simulate.js';

const dataset = loadDataset();
const input = parseScenario('');
const ms = (t0: number) => performance.now() - t0;

let t0 = performance.now();
simulate(input, dataset);
const first = ms(t0);

for (let i = 0; i < 20; i++) simulate(input, dataset); // warm-up
t0 = performance.now();
const runs = 1000;
for (let i = 0; i < runs; i++) simulate(input, dataset);
const total = ms(t0);

// The parts of one run: resolve the scenario, compile the model, integrate and reduce.
const scenario = resolveScenario(input, dataset);
const model = buildDemandModel(scenario, dataset);
const integrate = { wasm: 0, typescript: 0 };
for (const kernel of ['typescript', 'wasm', 'typescript', 'wasm'] as const) {
  for (let i = 0; i < 20; i++) runDemand(scenario, model, { kernel }); // warm-up
  t0 = performance.now();
  for (let i = 0; i < 200; i++) runDemand(scenario, model, { kernel });
  integrate[kernel] = ms(t0) / 200; // the second pass of each, kernels taking turns
}
t0 = performance.now();
for (let i = 0; i < 200; i++) buildDemandModel(resolveScenario(input, dataset), dataset);
const setup = ms(t0) / 200;

const years = scenario.end - scenario.start;
console.log(
  `default scenario: ${scenario.actors.length} actors, ${scenario.start}-${scenario.end}, RK4 step 1/12 year`,
);
console.log(`first run (cold):             ${first.toFixed(1)} ms`);
console.log(`${runs} sequential runs:         ${(total / 1000).toFixed(2)} s  (${(total / runs).toFixed(2)} ms a run)`);
console.log(`  of which setup (resolve+compile): ${setup.toFixed(2)} ms`);
console.log(
  `  integration, annual means and reduction (runDemand): WebAssembly ${integrate.wasm.toFixed(2)} ms, TypeScript ${integrate.typescript.toFixed(2)} ms (ratio ${(integrate.typescript / integrate.wasm).toFixed(2)})`,
);
console.log(
  `throughput: ${((runs * scenario.actors.length * years) / (total / 1000) / 1e6).toFixed(2)} million actor-years a second`,
);
