/**
 * Speed of the ensemble kernel of the demand model (default scenario to 2050): one deterministic
 * run, ensemble throughput in one thread (TypeScript and WebAssembly kernels) and over two workers,
 * peak memory, the three kernels side by side on the same compiled chunks (TypeScript, WebAssembly,
 * and the WebAssembly module's C source compiled natively by gcc, results compared member by
 * member), and a Sobol' analysis of eight scenario parameters with the batch kernel. Prints
 * figures; nothing is asserted.
 *
 * It measures the built package (dist/, as `armsrace` runs it) from compiled JavaScript under plain
 * node: run through tsx's loader the same kernel takes 15–25 % longer (its worker threads too).
 * Run: npm run build:bench && node dist-bench/ensemble.bench.js [--members N] [--parallel N] [--sobol N]
 *   --members   members of the single-thread and C measurements (default 1024)
 *   --parallel  members of the two-worker run (default 10000)
 *   --sobol     base samples of the Sobol' analysis (default 1024; 0 skips it)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../dist/core/data/load-dataset.js';
import { buildMembers, drawMembers } from '../dist/core/ensemble/chunk.js';
import { CHUNK_MEMBERS, ensembleStepping, prepareEnsemble, runEnsemble } from '../dist/core/ensemble/run-ensemble.js';
import { type AnnualMeans, integrateAnnual, type KernelChoice } from '../dist/core/model/annual-means.js';
import { kernelOf } from '../dist/core/model/demand/build.js';
import { buildDemandModel, type DemandModel, type MemberParameters } from '../dist/core/model/demand/index.js';
import type { DemandKernel } from '../dist/core/model/demand/kernel.js';
import { layoutImage, writeImage } from '../dist/core/model/demand/wasm-image.js';
import { parseScenario } from '../dist/core/scenario/parse-scenario.js';
import { sobolIndices } from '../dist/core/sensitivity/index.js';
import { simulate } from '../dist/core/simulate.js';
import { runEnsembleParallel } from '../dist/node/ensemble-pool.js';

const option = (name: string, fallback: number): number => {
  const k = process.argv.indexOf(`--${name}`);
  const v = k < 0 ? fallback : Number(process.argv[k + 1]);
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`--${name}: ${process.argv[k + 1]} is not a whole number`);
  return v;
};
const members = option('members', 1024);
const parallelMembers = option('parallel', 10_000);
const sobolSamples = option('sobol', 1024);
/** Rounds of the TypeScript and C kernels taking turns. */
const ROUNDS = 9;

const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** CPU seconds of this process since `c0` (user + system): robust to other processes on the machine. */
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** High-water mark of the resident set of the whole process (all threads), bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const rate = (memberYears: number, s: number) => `${(memberYears / s / 1e3).toFixed(1)} thousand member-years/s`;
const label = (text: string) => `${text} `.padEnd(52);

const dataset = loadDataset();
const input = parseScenario('');
const setup = prepareEnsemble(input, dataset, { seed: 1 });
const scenario = setup.scenario;
const years = scenario.end - scenario.start;
const stepping = ensembleStepping(input);
const n = scenario.actors.length;

console.log(`default scenario: ${n} actors, ${scenario.start}-${scenario.end} (${years} years)`);
console.log(
  `ensemble kernel: RK4 step ${stepping.stepYears} year, ${stepping.samplesPerYear} samples a year, chunks of ${CHUNK_MEMBERS} members`,
);
console.log(`node ${process.version}, ${process.arch}`);
console.log();

// 1. One deterministic run.
{
  for (let i = 0; i < 5; i++) simulate(input, dataset);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    simulate(input, dataset);
    times.push(seconds(t0));
  }
  console.log(`${label('deterministic run (simulate), median of 20')}${(median(times) * 1e3).toFixed(2)} ms`);
}

// 2. The ensemble in one thread: runEnsemble end to end, with each kernel.
const ensembleSeconds = { typescript: 0, wasm: 0 };
for (const kernel of ['typescript', 'wasm'] as const) {
  runEnsemble(input, dataset, { runs: 128, seed: 1, kernel }); // warm up the JIT
  const t = performance.now();
  const c0 = process.cpuUsage();
  runEnsemble(input, dataset, { runs: members, seed: 1, kernel });
  ensembleSeconds[kernel] = seconds(t);
  console.log(
    `${label(`runEnsemble, ${members} members, 1 thread, ${kernel === 'wasm' ? 'WebAssembly' : 'TypeScript'}`)}${ensembleSeconds[kernel].toFixed(3)} s  ${rate(members * years, ensembleSeconds[kernel])}  (CPU ${cpuSeconds(c0).toFixed(3)} s)`,
  );
}

// 3. The raw kernel: the ensemble's member models, compiled once, then integrated and reduced to
//    annual means (integrateAnnual) only. Members draw their GDP shocks as the ensemble does.
let t0 = performance.now();
const chunks: DemandModel[] = [];
for (let first = 0; first < members; first += CHUNK_MEMBERS) {
  const M = Math.min(CHUNK_MEMBERS, members - first);
  chunks.push(buildMembers(setup, M, drawMembers(setup, first, M)));
}
const compileSeconds = seconds(t0);
console.log(
  `${label(`  compile the ${chunks.length} chunk models (setup)`)}${compileSeconds.toFixed(3)} s  (${((compileSeconds / ensembleSeconds.wasm) * 100).toFixed(0)} % of runEnsemble)`,
);

/** Per member: sums over actors and years of the annual mean burden and spending. */
function checksums(results: readonly AnnualMeans[]): Float64Array {
  const out = new Float64Array(2 * members);
  let member = 0;
  for (const [c, model] of chunks.entries()) {
    const a = results[c] as AnnualMeans;
    for (let m = 0; m < model.members; m++, member++) {
      let burden = 0;
      let spending = 0;
      for (let i = 0; i < n; i++) {
        for (let y = 0; y < a.years; y++) {
          const cell = (i * model.members + m) * a.years + y;
          burden += (a.spending[cell] as number) / (a.gdp[cell] as number);
          spending += a.spending[cell] as number;
        }
      }
      out[2 * member] = burden;
      out[2 * member + 1] = spending;
    }
  }
  return out;
}

/** Members whose two checksums are the same bits in both, and the worst relative difference. */
function compare(sums: Float64Array, reference: Float64Array): string {
  let identical = 0;
  let worst = 0;
  for (let m = 0; m < members; m++) {
    if (Object.is(sums[2 * m], reference[2 * m]) && Object.is(sums[2 * m + 1], reference[2 * m + 1])) identical++;
    for (const k of [2 * m, 2 * m + 1])
      worst = Math.max(
        worst,
        Math.abs((sums[k] as number) - (reference[k] as number)) / Math.abs(reference[k] as number),
      );
  }
  return `${identical} of ${members} members bit for bit (worst relative difference ${worst.toExponential(1)})`;
}

// 4. The three kernels side by side, on the same compiled chunks: TypeScript and WebAssembly in
//    this process, and the same C source as the WebAssembly module compiled natively by gcc and run
//    on the same images (bench/c/main.c). Other machines share this one's host and its speed drifts
//    by half within minutes, so the kernels take turns, one pass each per round; each round gives
//    ratios of its own, and the median of those compares the kernels at the same moments.
type Pass = { wall: number; cpu: number };
const passes: Record<string, Pass[]> = { typescript: [], wasm: [] };
const results: Record<string, AnnualMeans[]> = {};
const integrateAll = (kernel: KernelChoice) => {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  results[kernel] = chunks.map((c) => integrateAnnual(c, { ...stepping, kernel }));
  passes[kernel]?.push({ wall: seconds(w0), cpu: cpuSeconds(c0) });
};
integrateAll('typescript');
integrateAll('wasm');
passes.typescript = [];
passes.wasm = [];

/** The C input: the number of images, their offsets, then each chunk's image (the package's layout). */
function cInput(): Uint8Array {
  const layouts = chunks.map((model) => {
    const kernel = kernelOf(model) as DemandKernel;
    const run = { ...stepping, start: model.start, end: model.end, initialState: model.initialState };
    return { kernel, run, layout: layoutImage(kernel, run) };
  });
  let at = Math.ceil((8 * (1 + layouts.length)) / 16) * 16;
  const offsets = layouts.map(({ layout }) => {
    const o = at;
    at += Math.ceil(layout.bytes / 16) * 16;
    return o;
  });
  const buffer = new ArrayBuffer(at);
  const index = new Float64Array(buffer, 0, 1 + layouts.length);
  index[0] = layouts.length;
  for (const [c, { kernel, run, layout }] of layouts.entries()) {
    index[1 + c] = offsets[c] as number;
    writeImage(buffer, offsets[c] as number, layout, kernel, run);
  }
  return new Uint8Array(buffer);
}

const builds: { name: string; binary: string }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'armsrace-bench-'));
const inputFile = join(dir, 'input.bin');
const outputFile = join(dir, 'sums.f64');
const gccVersion = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
if (gccVersion.status !== 0) console.log('C kernel: gcc not found; skipped');
else {
  writeFileSync(inputFile, cInput());
  // From bench/ or from its build in dist-bench/: the source stays in bench/c.
  const source = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'c', 'main.c');
  console.log(`C kernel: ${gccVersion.stdout.split('\n')[0]}`);
  // -ffp-contract=off: no fused multiply-add, so that C does the TypeScript kernel's roundings.
  for (const flags of [
    ['-O3', '-march=native', '-ffp-contract=off'],
    ['-O3', '-ffp-contract=off'],
  ]) {
    const binary = join(dir, `demand-kernel${flags.join('')}`);
    const args = [...flags, '-o', binary, source];
    console.log(`  compile: gcc ${args.join(' ')}`);
    const built = spawnSync('gcc', args, { encoding: 'utf8' });
    if (built.status !== 0) console.log(`  compilation failed:\n${built.stderr}`);
    else {
      builds.push({ name: `C ${flags.join(' ')}`, binary });
      passes[`C ${flags.join(' ')}`] = [];
    }
  }
}
/** The WebAssembly raw kernel's median pass, for the Sobol' extrapolation. */
let rawKernelSeconds = 0;
const runC = (binary: string): Pass => {
  const run = spawnSync(binary, [inputFile, outputFile, '1'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the C kernel failed:\n${run.stderr}`);
  return { wall: Number(/^seconds (\S+)/.exec(run.stdout)?.[1]), cpu: Number(/ cpu (\S+)/.exec(run.stdout)?.[1]) };
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    integrateAll('typescript');
    integrateAll('wasm');
    for (const { name, binary } of builds) passes[name]?.push(runC(binary));
  }
  const reference = checksums(results.typescript as AnnualMeans[]);
  rawKernelSeconds = median((passes.wasm as Pass[]).map((p) => p.wall));
  const fastest = (name: string) => Math.min(...(passes[name] as Pass[]).map((p) => p.wall));
  const cName = builds[0]?.name;
  console.log();
  console.log(`raw kernel (integrateAnnual), ${members} members, ${ROUNDS} rounds taking turns:`);
  console.log(
    `  ${'kernel'.padEnd(34)}${'median s'.padStart(9)}${'best s'.padStart(9)}${'CPU s'.padStart(8)}  ${'member-years/s'.padEnd(16)}${'vs C (median, range)'.padEnd(24)}checksums vs TypeScript`,
  );
  for (const name of Object.keys(passes)) {
    const list = passes[name] as Pass[];
    const wall = median(list.map((p) => p.wall));
    let sums: Float64Array;
    if (name === 'typescript' || name === 'wasm') sums = checksums(results[name] as AnnualMeans[]);
    else {
      runC((builds.find((b) => b.name === name) as { binary: string }).binary);
      const raw = readFileSync(outputFile);
      sums = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
    }
    const ratios = cName === undefined ? [] : list.map((p, i) => p.wall / ((passes[cName] as Pass[])[i] as Pass).wall);
    const vsC =
      ratios.length === 0
        ? '–'
        : `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
    console.log(
      `  ${(name === 'wasm' ? 'WebAssembly (SIMD)' : name === 'typescript' ? 'TypeScript' : name).padEnd(34)}${wall.toFixed(3).padStart(9)}${fastest(name).toFixed(3).padStart(9)}${median(
        list.map((p) => p.cpu),
      )
        .toFixed(3)
        .padStart(
          8,
        )}  ${(`${((members * years) / wall / 1e3).toFixed(1)} k`).padEnd(16)}${vsC.padEnd(24)}${name === 'typescript' ? 'the reference' : compare(sums, reference)}`,
    );
  }
  if (cName !== undefined) {
    const c = median((passes[cName] as Pass[]).map((p) => p.wall));
    for (const kernel of ['typescript', 'wasm'] as const)
      console.log(
        `${label(`  runEnsemble (${kernel === 'wasm' ? 'WebAssembly' : 'TypeScript'}) / C ${builds[0]?.name.slice(2)}`)}${(ensembleSeconds[kernel] / c).toFixed(2)}  (${ensembleSeconds[kernel].toFixed(3)} s / ${c.toFixed(3)} s)`,
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${label('peak RSS so far (process high-water mark)')}${mb(peakRss())}`);
console.log();
results.typescript = [];
results.wasm = [];
chunks.length = 0;

// 5. Sobol' analysis: eight scenario parameters scaled in every member, through the batch kernel
//    (chunks of 64 design rows per compiled model). Outputs: NATO's and Russia's burden in 2035.
if (sobolSamples > 0) {
  const factors = [
    { name: 'elasticity ×, allies and partners', low: 0.5, high: 1.5 },
    { name: 'elasticity ×, Russian bloc', low: 0.5, high: 1.5 },
    { name: 'spill-in ×', low: 0.5, high: 1.5 },
    { name: 'speed ×', low: 0.5, high: 1.5 },
    { name: 'compliance ×', low: 0.5, high: 1.25 },
    { name: 'build share ×', low: 0.5, high: 1 },
    { name: 'decay length ×', low: 0.5, high: 1.5 },
    { name: 'depreciation ×', low: 0.5, high: 1.5 },
  ];
  const year = 2035 - scenario.start;
  const rus = scenario.actors.findIndex((a) => a.iso3 === 'RUS');
  let modelSeconds = 0;
  const batch = (rows: Float64Array, count: number, k: number): Float64Array => {
    const t1 = performance.now();
    const out = new Float64Array(2 * count);
    for (let first = 0; first < count; first += CHUNK_MEMBERS) {
      const M = Math.min(CHUNK_MEMBERS, count - first);
      const model = buildDemandModel(scenario, dataset, {
        members: M,
        prepared: setup.prepared,
        configure: (p: MemberParameters) => {
          for (let m = 0; m < M; m++) {
            const x = (f: number) => rows[(first + m) * k + f] as number;
            for (let i = 0; i < n; i++) {
              const o = i * M + m;
              const russian = scenario.actors[i]?.russianBloc === true;
              p.elasticity[o] = (p.elasticity[o] as number) * x(russian ? 1 : 0);
              p.spillIn[o] = (p.spillIn[o] as number) * x(2);
              p.speed[o] = (p.speed[o] as number) * x(3);
              p.compliance[o] = (p.compliance[o] as number) * x(4);
              p.buildShare[o] = (p.buildShare[o] as number) * x(5);
            }
            p.decayKm[m] = (p.decayKm[m] as number) * x(6);
            p.depreciation[m] = (p.depreciation[m] as number) * x(7);
          }
        },
      });
      const a = integrateAnnual(model, stepping);
      for (let m = 0; m < M; m++) {
        let spend = 0;
        let gdp = 0;
        for (let i = 0; i < n; i++) {
          if (!model.isAlly(i, scenario.start + year)) continue;
          spend += a.spending[(i * M + m) * a.years + year] as number;
          gdp += a.gdp[(i * M + m) * a.years + year] as number;
        }
        const r = (rus * M + m) * a.years + year;
        out[2 * (first + m)] = spend / gdp;
        out[2 * (first + m) + 1] = (a.spending[r] as number) / (a.gdp[r] as number);
      }
    }
    modelSeconds += seconds(t1);
    return out;
  };
  t0 = performance.now();
  const result = sobolIndices({ outputs: ['NATO.burden.2035', 'RUS.burden.2035'], batch }, factors, {
    baseSamples: sobolSamples,
  });
  const sobolSeconds = seconds(t0);
  const runs = sobolSamples * (factors.length + 2);
  console.log(
    `${label(`Sobol' analysis, k = 8, N = ${sobolSamples} (${runs} runs)`)}${sobolSeconds.toFixed(2)} s  (model runs ${modelSeconds.toFixed(2)} s, estimators and bootstrap ${(sobolSeconds - modelSeconds).toFixed(2)} s)`,
  );
  console.log(
    `${label('  extrapolated from the raw WebAssembly kernel')}${((rawKernelSeconds / members) * runs).toFixed(2)} s of model runs`,
  );
  const top = result.outputs[0]?.factors.map((f) => `${f.factor} ${f.total.estimate.toFixed(2)}`).join(', ');
  console.log(`  total indices of NATO.burden.2035: ${top}`);
  console.log(`${label('peak RSS so far (process high-water mark)')}${mb(peakRss())}`);
  console.log();
}

// 6. Two workers.
if (parallelMembers > 0) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  await runEnsembleParallel(input, dataset, { runs: parallelMembers, seed: 1, workers: 2 });
  const s = seconds(t0);
  const cpu = cpuSeconds(c0);
  console.log(
    `${label(`runEnsembleParallel, ${parallelMembers} members, 2 workers`)}${s.toFixed(2)} s total  ${rate(parallelMembers * years, s)}`,
  );
  console.log(
    `${label('  CPU of all threads; half of it')}${cpu.toFixed(2)} s; ${(cpu / 2).toFixed(2)} s  (wall / that half: ${(s / (cpu / 2)).toFixed(2)})`,
  );
  console.log(`${label('peak RSS, main thread and workers (one process)')}${mb(peakRss())}`);
}
