import { integrateDormandPrince } from '../solve/dormand-prince.js';
import { integrateRk4 } from '../solve/rk4.js';
import type { DemandModel } from './demand.js';

/** Samples per year used for the annual means (trapezoid rule). */
export const SAMPLES_PER_YEAR = 12;

/** Annual means of every member's flows and stocks, entry `(m·n + i)·years + y`. */
export interface AnnualMeans {
  readonly years: number;
  readonly gdp: Float64Array;
  readonly spending: Float64Array;
  readonly capability: Float64Array;
  readonly threat: Float64Array;
  readonly spillIn: Float64Array;
  /** The state at the start of each year and at the end, `y·(2n·M)`: for stability and events. */
  readonly yearStates: Float64Array;
  readonly solver: { readonly name: 'rk4' | 'dopri'; readonly steps: number; readonly evaluations: number };
}

/**
 * Integrate a compiled demand model over its span and reduce every member to annual means (the
 * trapezoid rule over `samplesPerYear` samples a year, default {@link SAMPLES_PER_YEAR}; MODEL.md: annual outputs are the
 * means of the flows over the calendar year).
 */
export function integrateAnnual(
  model: DemandModel,
  options: { stepYears: number; solver: 'rk4' | 'dopri'; samplesPerYear?: number },
): AnnualMeans {
  const perYear = options.samplesPerYear ?? SAMPLES_PER_YEAR;
  const { start, end, n, members: M } = model;
  const nYears = end - start;
  const size = 2 * n * M;
  const samples = nYears * perYear + 1;
  const times = new Float64Array(samples);
  for (let k = 0; k < samples; k++) times[k] = start + k / perYear;

  let outputs: Float64Array;
  let solver: AnnualMeans['solver'];
  if (options.solver === 'dopri') {
    const r = integrateDormandPrince(model.derivative, model.initialState, start, end, {
      outputTimes: times,
      rtol: 1e-9,
      atol: 1e-9,
      maxStepYears: 0.5,
    });
    outputs = r.outputs;
    solver = { name: 'dopri', steps: r.stats.acceptedSteps, evaluations: r.stats.evaluations };
  } else {
    const r = integrateRk4(model.derivative, model.initialState, start, end, {
      stepYears: options.stepYears,
      outputTimes: times,
    });
    outputs = r.outputs;
    solver = { name: 'rk4', steps: r.steps, evaluations: r.evaluations };
  }

  const cells = n * M * nYears;
  const gdp = new Float64Array(cells);
  const spending = new Float64Array(cells);
  const capability = new Float64Array(cells);
  const threat = new Float64Array(cells);
  const spillIn = new Float64Array(cells);
  const yearStates = new Float64Array((nYears + 1) * size);
  const snap = model.createSnapshot();
  for (let k = 0; k < samples; k++) {
    const state = outputs.subarray(k * size, (k + 1) * size);
    model.snapshot(times[k] as number, state, snap);
    const year = Math.floor(k / perYear);
    const boundary = k % perYear === 0;
    if (boundary) yearStates.set(state, year * size);
    // A sample on a year boundary ends one year and starts the next: half a weight to each.
    for (let part = 0; part < (boundary ? 2 : 1); part++) {
      const y = boundary ? year - 1 + part : year;
      if (y < 0 || y >= nYears) continue;
      const w = (boundary ? 0.5 : 1) / perYear;
      for (let m = 0; m < M; m++) {
        for (let i = 0; i < n; i++) {
          const o = m * n + i;
          const c = o * nYears + y;
          gdp[c] = (gdp[c] as number) + w * (snap.gdp[o] as number);
          spending[c] = (spending[c] as number) + w * (snap.spending[o] as number);
          capability[c] = (capability[c] as number) + w * (state[m * 2 * n + n + i] as number);
          threat[c] = (threat[c] as number) + w * (snap.threat[o] as number);
          spillIn[c] = (spillIn[c] as number) + w * (snap.spillIn[o] as number);
        }
      }
    }
  }
  return { years: nYears, gdp, spending, capability, threat, spillIn, yearStates, solver };
}
