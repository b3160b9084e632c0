import { checkPositive } from '../solve/argument-checks.js';
import { integrateDormandPrince } from '../solve/dormand-prince.js';
import { createRk4Workspace, rk4Step, rk4StepCount } from '../solve/rk4.js';
import { kernelOf } from './demand/build.js';
import type { DemandModel } from './demand/index.js';
import { integrateWasm, WasmMemoryError, wasmKernelStatus } from './demand/wasm.js';

/** Samples per year used for the annual means (trapezoid rule). */
export const SAMPLES_PER_YEAR = 12;

/**
 * Which kernel integrates a compiled model with RK4: the WebAssembly kernel (`wasm`), the
 * TypeScript one (`typescript`), or the WebAssembly kernel where it loads and the model fits in its
 * memory (2 GiB) and the TypeScript one otherwise (`auto`, the default). Both give the same bits;
 * Dormand–Prince always runs in TypeScript.
 */
export type KernelChoice = 'auto' | 'wasm' | 'typescript';

/** Annual means of every member's flows and stocks, entry `(i·M + m)·years + y`. */
export interface AnnualMeans {
  readonly years: number;
  readonly gdp: Float64Array;
  readonly spending: Float64Array;
  readonly capability: Float64Array;
  readonly threat: Float64Array;
  readonly spillIn: Float64Array;
  /** The state at the start of each year and at the end, `y·(2n·M)` (layout of the model's state): for stability and events. */
  readonly yearStates: Float64Array;
  readonly solver: {
    readonly name: 'rk4' | 'dopri';
    readonly steps: number;
    readonly evaluations: number;
    /** The kernel that ran: `wasm` or `typescript`. */
    readonly kernel: 'wasm' | 'typescript';
  };
}

/** The annual sums a run fills (the result's arrays), and their shape. */
interface SampleSums
  extends Pick<AnnualMeans, 'gdp' | 'spending' | 'capability' | 'threat' | 'spillIn' | 'yearStates'> {
  /**
   * The sums of the year being filled, five blocks of `nM` (GDP, spending, capability, threat,
   * spill-in) in the state's layout: each sample adds to contiguous memory, and the year's sums go
   * to the result's layout once, when the year ends.
   */
  readonly current: Float64Array;
  readonly nYears: number;
  readonly nM: number;
  readonly size: number;
  readonly perYear: number;
}

/**
 * Add sample k (state `state`, its snapshot in `snap`) to the annual means. A function of its own,
 * called for every sample of every run, so that V8 optimises it once and early.
 */
function accumulateSample(
  sums: SampleSums,
  snap: ReturnType<DemandModel['createSnapshot']>,
  k: number,
  state: Float64Array,
): void {
  const { current, yearStates, nYears, nM, size, perYear } = sums;
  const year = Math.floor(k / perYear);
  const boundary = k % perYear === 0;
  if (boundary) yearStates.set(state, year * size);
  // A sample on a year boundary ends one year and starts the next: half a weight to each.
  if (boundary && year >= 1) {
    addSample(current, nM, 0.5 / perYear, snap, state);
    storeYear(sums, year - 1);
  }
  if (boundary) current.fill(0);
  if (year < nYears) addSample(current, nM, (boundary ? 0.5 : 1) / perYear, snap, state);
}

/** Add `w` times a sample to the sums of the current year. */
function addSample(
  current: Float64Array,
  nM: number,
  w: number,
  snap: ReturnType<DemandModel['createSnapshot']>,
  state: Float64Array,
): void {
  const { gdp, spending, threat, spillIn } = snap;
  for (let o = 0; o < nM; o++) {
    current[o] = (current[o] as number) + w * (gdp[o] as number);
    current[nM + o] = (current[nM + o] as number) + w * (spending[o] as number);
    current[2 * nM + o] = (current[2 * nM + o] as number) + w * (state[nM + o] as number);
    current[3 * nM + o] = (current[3 * nM + o] as number) + w * (threat[o] as number);
    current[4 * nM + o] = (current[4 * nM + o] as number) + w * (spillIn[o] as number);
  }
}

/** Write the current year's sums into the results, entry `o·years + y`. */
function storeYear(sums: SampleSums, y: number): void {
  const { current, gdp, spending, capability, threat, spillIn, nYears, nM } = sums;
  for (let o = 0; o < nM; o++) {
    const c = o * nYears + y;
    gdp[c] = current[o] as number;
    spending[c] = current[nM + o] as number;
    capability[c] = current[2 * nM + o] as number;
    threat[c] = current[3 * nM + o] as number;
    spillIn[c] = current[4 * nM + o] as number;
  }
}

/**
 * Integrate a compiled demand model over its span and reduce every member to annual means (the
 * trapezoid rule over `samplesPerYear` samples a year, default {@link SAMPLES_PER_YEAR}; docs/model.md §2: annual outputs are the
 * means of the flows over the calendar year). Entries are `(i·M + m)·years + y` for actor `i`,
 * member `m` and year `y`.
 *
 * With RK4 the samples are taken as the integration reaches them, with the steps of
 * {@link integrateRk4} (steps of `stepYears` from each sample, the last one shortened onto the
 * next), and each sample's sums of threat and spill-in also serve the first stage of the next step.
 */
export function integrateAnnual(
  model: DemandModel,
  options: { stepYears: number; solver: 'rk4' | 'dopri'; samplesPerYear?: number; kernel?: KernelChoice },
): AnnualMeans {
  const perYear = options.samplesPerYear ?? SAMPLES_PER_YEAR;
  const { start, end, n, members: M } = model;
  const nYears = end - start;
  const choice = options.kernel ?? 'auto';
  if (options.solver === 'rk4' && choice !== 'typescript') {
    const kernel = kernelOf(model);
    const status = wasmKernelStatus();
    if (choice === 'wasm' && kernel === undefined)
      throw new RangeError('kernel: wasm needs a model from buildDemandModel; use kernel: typescript for this model');
    if (choice === 'wasm' && !status.available) throw new RangeError(`kernel: wasm cannot run here (${status.reason})`);
    if (kernel !== undefined && status.available) {
      checkPositive('stepYears', options.stepYears, 'a step in years such as 1/12 (one month)');
      const run = {
        start,
        end,
        stepYears: options.stepYears,
        samplesPerYear: perYear,
        initialState: model.initialState,
      };
      try {
        const { steps, ...means } = integrateWasm(kernel, run);
        return { years: nYears, ...means, solver: { name: 'rk4', steps, evaluations: 4 * steps, kernel: 'wasm' } };
      } catch (error) {
        // A model too large for the module's memory runs in TypeScript, unless WebAssembly was asked for.
        if (!(error instanceof WasmMemoryError) || choice === 'wasm') throw error;
      }
    }
  }
  const size = 2 * n * M;
  const nM = n * M;
  const samples = nYears * perYear + 1;
  const times = new Float64Array(samples);
  for (let k = 0; k < samples; k++) times[k] = start + k / perYear;

  const cells = nM * nYears;
  const gdp = new Float64Array(cells);
  const spending = new Float64Array(cells);
  const capability = new Float64Array(cells);
  const threat = new Float64Array(cells);
  const spillIn = new Float64Array(cells);
  const yearStates = new Float64Array((nYears + 1) * size);
  const snap = model.createSnapshot();
  const current = new Float64Array(5 * nM);
  const sums: SampleSums = {
    gdp,
    spending,
    capability,
    threat,
    spillIn,
    yearStates,
    current,
    nYears,
    nM,
    size,
    perYear,
  };
  const accumulate = (k: number, state: Float64Array) => accumulateSample(sums, snap, k, state);

  let solver: AnnualMeans['solver'];
  if (options.solver === 'dopri') {
    const r = integrateDormandPrince(model.derivative, model.initialState, start, end, {
      outputTimes: times,
      rtol: 1e-9,
      atol: 1e-9,
      maxStepYears: 0.5,
    });
    for (let k = 0; k < samples; k++) {
      const state = r.outputs.subarray(k * size, (k + 1) * size);
      model.snapshot(times[k] as number, state, snap);
      accumulate(k, state);
    }
    solver = {
      name: 'dopri',
      steps: r.stats.acceptedSteps,
      evaluations: r.stats.evaluations,
      kernel: 'typescript',
    };
  } else {
    const h = options.stepYears;
    checkPositive('stepYears', h, 'a step in years such as 1/12 (one month)');
    const f = model.derivative;
    const workspace = createRk4Workspace(size);
    const y = model.initialState.slice();
    let steps = 0;
    for (let k = 0; k < samples; k++) {
      const t = times[k] as number;
      const last = k === samples - 1;
      model.snapshot(t, y, snap, last ? undefined : workspace.k1);
      accumulate(k, y);
      if (last) break;
      const next = times[k + 1] as number;
      const count = rk4StepCount(next - t, h);
      for (let s = 0; s < count - 1; s++) rk4Step(f, t + s * h, y, h, y, workspace, s === 0);
      const tLast = t + (count - 1) * h;
      rk4Step(f, tLast, y, next - tLast, y, workspace, count === 1);
      steps += count;
    }
    solver = { name: 'rk4', steps, evaluations: 4 * steps, kernel: 'typescript' };
  }
  return { years: nYears, gdp, spending, capability, threat, spillIn, yearStates, solver };
}
