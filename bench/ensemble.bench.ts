/**
 * Speed of the ensemble kernel of the demand model (default scenario to 2050): one deterministic
 * run, ensemble throughput in one thread and over two workers, peak memory, the same kernel in C
 * (compiled here with gcc, results compared member by member), and a Sobol' analysis of eight
 * scenario parameters with the batch kernel. Prints figures; nothing is asserted.
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
import type { Dataset } from '../dist/core/data/dataset.js';
import { gdpPath } from '../dist/core/data/gdp-path.js';
import { loadDataset } from '../dist/core/data/load-dataset.js';
import { CHUNK_MEMBERS, ensembleStepping, prepareEnsemble, runEnsemble } from '../dist/core/ensemble/run-ensemble.js';
import { log } from '../dist/core/math/elementary.js';
import { stream } from '../dist/core/math/random.js';
import { type AnnualMeans, integrateAnnual } from '../dist/core/model/annual-means.js';
import { relation } from '../dist/core/model/blocs.js';
import { buildDemandModel, type DemandModel, type MemberParameters } from '../dist/core/model/demand/index.js';
import { parseScenario } from '../dist/core/scenario/parse-scenario.js';
import type { ResolvedScenario } from '../dist/core/scenario/resolve-scenario.js';
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

// 2. The ensemble in one thread: runEnsemble end to end.
runEnsemble(input, dataset, { runs: 128, seed: 1 }); // warm up the JIT
let ensembleSeconds: number;
{
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  runEnsemble(input, dataset, { runs: members, seed: 1 });
  ensembleSeconds = seconds(t0);
  console.log(
    `${label(`runEnsemble, ${members} members, 1 thread`)}${ensembleSeconds.toFixed(3)} s  ${rate(members * years, ensembleSeconds)}  (CPU ${cpuSeconds(c0).toFixed(3)} s)`,
  );
}

// 3. The raw kernel: the ensemble's member models, compiled once, then integrated and reduced to
//    annual means (integrateAnnual) only. Members draw their GDP shocks as the ensemble does.
/** Everything the C kernel needs of one chunk's compiled model that the model does not expose. */
interface ChunkModel {
  readonly model: DemandModel;
  readonly shock: Float64Array | undefined;
}

function buildChunk(first: number, count: number): ChunkModel {
  let shock: Float64Array | undefined;
  const model = buildDemandModel(scenario, dataset, {
    members: count,
    prepared: setup.prepared,
    gdpShock: (shape) => {
      shock = setup.gdpShockSd.some((s) => s > 0)
        ? new Float64Array(shape.n * shape.members * shape.gdpYears)
        : undefined;
      return shock;
    },
    configure: (parameters) => {
      const gdpFirstYear = scenario.start - 1;
      const gdpYears = years + 3;
      for (let m = 0; m < count; m++) {
        const rng = stream(setup.seed, first + m);
        for (const u of setup.uncertain) u.draw(rng, parameters, m);
        if (shock === undefined) continue;
        for (let i = 0; i < n; i++) {
          const sd = setup.gdpShockSd[i] as number;
          let level = 0;
          for (let k = 0; k < gdpYears; k++) {
            if (gdpFirstYear + k > setup.lastGdpDataYear) level += sd * rng.normal();
            shock[(k * n + i) * count + m] = level;
          }
        }
      }
    },
  });
  return { model, shock };
}

let t0 = performance.now();
const chunks: ChunkModel[] = [];
for (let first = 0; first < members; first += CHUNK_MEMBERS)
  chunks.push(buildChunk(first, Math.min(CHUNK_MEMBERS, members - first)));
const compileSeconds = seconds(t0);
let annuals: AnnualMeans[] = [];
const kernelTimes: number[] = [];
const kernelCpu: number[] = [];
for (let r = 0; r < 3; r++) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  annuals = chunks.map((c) => integrateAnnual(c.model, stepping));
  kernelTimes.push(seconds(t0));
  kernelCpu.push(cpuSeconds(c0));
}
const kernelSeconds = median(kernelTimes);
const kernelCpuSeconds = median(kernelCpu);
console.log(
  `${label(`  compile the ${chunks.length} chunk models (setup)`)}${compileSeconds.toFixed(3)} s  (${((compileSeconds / ensembleSeconds) * 100).toFixed(0)} % of runEnsemble)`,
);
console.log(
  `${label(`  raw kernel (integrateAnnual), median of 3`)}${kernelSeconds.toFixed(3)} s  ${rate(members * years, kernelSeconds)}  (CPU ${kernelCpuSeconds.toFixed(3)} s)`,
);
console.log(
  `${label('  per member run (raw kernel)')}${((kernelSeconds / members) * 1e3).toFixed(3)} ms; ${(((kernelSeconds / members) * 1e6) / (400 + 1)).toFixed(2)} µs per member-evaluation (400 of the derivative, 100 of them with a sample, and the last sample)`,
);
console.log(`${label('peak RSS so far (process high-water mark)')}${mb(peakRss())}`);
console.log();

/** Per member: sums over actors and years of the annual mean burden and spending. */
function checksums(list: readonly ChunkModel[], results: readonly AnnualMeans[]): Float64Array {
  const out = new Float64Array(2 * members);
  let member = 0;
  for (const [c, { model }] of list.entries()) {
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

// 4. The C kernel on the same inputs.
/** The input file of bench/c/demand-kernel.c: doubles, in the order it reads them. */
function kernelInput(sc: ResolvedScenario, data: Dataset, list: readonly ChunkModel[]): Float64Array {
  const first = (list[0] as ChunkModel).model;
  const { start, end, gdpFirstYear, gdpYears } = first;
  const actors = sc.actors;
  const P = first.parameters.pledgeCount;
  const out: number[] = [];
  const push = (xs: ArrayLike<number>) => {
    for (let k = 0; k < xs.length; k++) out.push(xs[k] as number);
  };
  const boundaries = [...new Set(actors.map((a) => a.joinsNato).filter((y) => y > start && y < end))].sort(
    (a, b) => a - b,
  );
  const periodStarts = [start, ...boundaries];
  const hasShock = list[0]?.shock !== undefined;
  push([n, members, CHUNK_MEMBERS, P, periodStarts.length, gdpYears, start, end, gdpFirstYear]);
  push([stepping.stepYears, stepping.samplesPerYear, hasShock ? 1 : 0]);
  push(periodStarts);
  // Adversary (+1) and ally (−1) rows per period, as the model compiles them.
  for (const t of periodStarts) {
    const standing = (i: number) => ({
      ...(actors[i] as (typeof actors)[number]),
      ally: t >= (actors[i]?.joinsNato ?? 0),
    });
    for (const sign of [1, -1]) {
      const rowStart = [0];
      const column: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (i !== j && relation(standing(i), standing(j)) === sign) column.push(j);
        rowStart.push(column.length);
      }
      push(rowStart);
      push([column.length]);
      push(column);
    }
  }
  push(actors.map((a) => a.joinsNato));
  for (const a of actors) {
    const path = gdpPath(data, a.iso3, {
      ...(sc.usdInflation !== undefined ? { usdInflation: sc.usdInflation } : {}),
      ...(a.longRunGrowth !== undefined ? { longRunGrowth: a.longRunGrowth } : {}),
    });
    for (let k = 0; k < gdpYears; k++) out.push(log(path.at(gdpFirstYear + k) as number));
  }
  const each = (pick: (c: ChunkModel) => ArrayLike<number>) => {
    for (const c of list) push(pick(c));
  };
  const param = (key: keyof MemberParameters) => each((c) => c.model.parameters[key] as Float64Array);
  for (const key of ['elasticity', 'spillIn', 'speed', 'compliance', 'buildShare', 'minShare', 'maxShare'] as const)
    param(key);
  for (const key of ['warExtra', 'warUntil', 'warFade'] as const) param(key);
  each((c) => c.model.baseline);
  each((c) => c.model.threatReference);
  each((c) => c.model.spillInReference);
  each((c) => c.model.threatReference.map((v) => (v > 0 ? log(v) : 0)));
  each((c) => c.model.spillInReference.map((v) => (v > 0 ? log(v) : 0)));
  for (const key of ['pledgeTarget', 'pledgeFrom', 'pledgeBy', 'depreciation'] as const) param(key);
  // Per chunk: whether its members share one matrix of proximity weights, then the weights.
  for (const { model } of list) {
    push([model.sharedProximity ? 1 : 0]);
    push(model.proximity);
  }
  if (hasShock) each((c) => c.shock as Float64Array);
  each((c) => c.model.initialState);
  return Float64Array.from(out);
}

const gccVersion = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
if (gccVersion.status !== 0) {
  console.log('C kernel: gcc not found; skipped');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'armsrace-bench-'));
  try {
    // From bench/ or from its build in dist-bench/: the source stays in bench/c.
    const source = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'c', 'demand-kernel.c');
    const inputFile = join(dir, 'input.f64');
    writeFileSync(inputFile, kernelInput(scenario, dataset, chunks));
    const reference = checksums(chunks, annuals);
    console.log(`C kernel: ${gccVersion.stdout.split('\n')[0]}`);
    // -ffp-contract=off: no fused multiply-add, so that C does the TypeScript kernel's roundings.
    // The third build keeps gcc from vectorising the member loops (V8 does not vectorise): it shows
    // how much of the gap is SIMD. The target is against the first two.
    const builds: { flags: string[]; binary: string }[] = [];
    for (const flags of [
      ['-O3', '-march=native', '-ffp-contract=off'],
      ['-O3', '-ffp-contract=off'],
      ['-O3', '-ffp-contract=off', '-fno-tree-vectorize'],
    ]) {
      const binary = join(dir, `demand-kernel${flags.join('')}`);
      const args = [...flags, '-o', binary, source, '-lm'];
      console.log(`  compile: gcc ${args.join(' ')}`);
      const built = spawnSync('gcc', args, { encoding: 'utf8' });
      if (built.status !== 0) console.log(`  compilation failed:\n${built.stderr}`);
      else builds.push({ flags, binary });
    }
    // Other machines share this one's host, and its speed drifts by half within minutes. So the
    // TypeScript kernel and each C build take turns, one pass each per round, and each round gives
    // a ratio of its own: the median of those ratios compares the two at the same moments.
    const outputFile = join(dir, 'sums.f64');
    const cRuns = builds.map(() => [] as { wall: number; cpu: number }[]);
    const tsRuns: { wall: number; cpu: number }[] = [];
    let failed = false;
    for (let round = 0; round < ROUNDS && !failed; round++) {
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      annuals = chunks.map((c) => integrateAnnual(c.model, stepping));
      tsRuns.push({ wall: seconds(w0), cpu: cpuSeconds(c0) });
      for (const [k, { binary }] of builds.entries()) {
        const run = spawnSync(binary, [inputFile, outputFile, '1'], { encoding: 'utf8' });
        if (run.status !== 0) {
          console.log(`  the C kernel failed:\n${run.stderr}`);
          failed = true;
          break;
        }
        cRuns[k]?.push({
          wall: Number(/^seconds (\S+)/.exec(run.stdout)?.[1]),
          cpu: Number(/ cpu (\S+)/.exec(run.stdout)?.[1]),
        });
      }
    }
    const tsWall = median(tsRuns.map((r) => r.wall));
    console.log(
      `${label(`  TypeScript raw kernel, median of ${tsRuns.length} rounds`)}${tsWall.toFixed(3)} s  ${rate(members * years, tsWall)}  (CPU ${median(tsRuns.map((r) => r.cpu)).toFixed(3)} s)`,
    );
    for (const [k, { flags, binary }] of builds.entries()) {
      const runs = cRuns[k] ?? [];
      if (failed || runs.length === 0) continue;
      // The checksums of one more run, compared member by member with the TypeScript kernel's.
      spawnSync(binary, [inputFile, outputFile, '1'], { encoding: 'utf8' });
      const raw = readFileSync(outputFile);
      const sums = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
      let worstBurden = 0;
      let worstSpending = 0;
      let identical = 0;
      for (let m = 0; m < members; m++) {
        const rel = (i: number) =>
          Math.abs((sums[i] as number) - (reference[i] as number)) / Math.abs(reference[i] as number);
        worstBurden = Math.max(worstBurden, rel(2 * m));
        worstSpending = Math.max(worstSpending, rel(2 * m + 1));
        if (sums[2 * m] === reference[2 * m] && sums[2 * m + 1] === reference[2 * m + 1]) identical++;
      }
      const cWall = median(runs.map((r) => r.wall));
      const wallRatios = runs.map((r, i) => (tsRuns[i] as { wall: number }).wall / r.wall);
      const cpuRatios = runs.map((r, i) => (tsRuns[i] as { cpu: number }).cpu / r.cpu);
      console.log(
        `${label(`  C ${flags.join(' ')}, ${members} members, median of ${runs.length}`)}${cWall.toFixed(3)} s  ${rate(members * years, cWall)}  (CPU ${median(runs.map((r) => r.cpu)).toFixed(3)} s)`,
      );
      console.log(
        `${label('  ratio TypeScript / C, median over the rounds')}${median(wallRatios).toFixed(2)} wall (${Math.min(...wallRatios).toFixed(2)}–${Math.max(...wallRatios).toFixed(2)}), ${median(cpuRatios).toFixed(2)} CPU  (runEnsemble / C: ${(ensembleSeconds / cWall).toFixed(2)} wall)`,
      );
      // Other machines' load only ever adds time, so each kernel's fastest pass is the nearest to
      // its speed on a quiet host: their ratio is the figure least moved by the host.
      const tsBest = Math.min(...tsRuns.map((r) => r.wall));
      const cBest = Math.min(...runs.map((r) => r.wall));
      console.log(
        `${label('  ratio of the fastest passes (TypeScript / C)')}${(tsBest / cBest).toFixed(2)}  (${tsBest.toFixed(3)} s / ${cBest.toFixed(3)} s)`,
      );
      console.log(
        `${label('  checksums C vs TypeScript, worst relative diff')}burden sums ${worstBurden.toExponential(2)}, spending sums ${worstSpending.toExponential(2)}; ${identical} of ${members} members bit for bit`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log();
annuals = [];
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
    `${label('  extrapolated from the raw kernel')}${(((kernelSeconds / members) * runs) / 1).toFixed(2)} s of model runs`,
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
