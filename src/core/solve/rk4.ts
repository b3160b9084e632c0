import { checkInterval, checkOutputTimes, checkPositive, checkVector } from './argument-checks.js';
import type { Derivative, StepObserver } from './derivative.js';

/** Scratch arrays for {@link rk4Step}: the four stages and the trial state, each of the system's size. */
export interface Rk4Workspace {
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly trial: Float64Array;
}

/** Options of {@link integrateRk4}. */
export interface Rk4Options {
  /** Step `h`, years; default 1/12 (one month). */
  stepYears?: number;
  /** Called after every step with the time reached and the state (a reused buffer). */
  onStep?: StepObserver;
  /** Times (years, non-decreasing, inside `[t0, t1]`) at which to record the state; each is hit exactly. */
  outputTimes?: Float64Array;
  /** Scratch arrays to reuse across calls, from {@link createRk4Workspace}. */
  workspace?: Rk4Workspace;
}

/** What {@link integrateRk4} returns. */
export interface Rk4Result {
  /** The state at `t1` (a new array). */
  y: Float64Array;
  /** The states at `outputTimes`, row-major: the state at `outputTimes[k]` is `outputs.subarray(k * n, (k + 1) * n)`. */
  outputs: Float64Array;
  /** Steps taken. */
  steps: number;
  /** Calls of the derivative. */
  evaluations: number;
}

/** Relative slack below which a final partial step is merged into the previous full one (rounding of `t/h`). */
const STEP_COUNT_SLACK = 1e-9;

/**
 * Allocate the scratch arrays that {@link rk4Step} and {@link integrateRk4} reuse.
 *
 * @param n - the size of the state vector
 * @throws {RangeError} when `n` is not a non-negative integer
 * @example createRk4Workspace(2).k1.length // → 2
 */
export function createRk4Workspace(n: number): Rk4Workspace {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n: ${n} is not a state size; use a non-negative integer`);
  }
  return {
    k1: new Float64Array(n),
    k2: new Float64Array(n),
    k3: new Float64Array(n),
    k4: new Float64Array(n),
    trial: new Float64Array(n),
  };
}

/**
 * Advance `y` by one classical Runge–Kutta step of fourth order and write the result into `out`.
 *
 * `out` may be `y` itself. No arrays are allocated when a workspace is passed. Arguments are not
 * checked: this is the inner loop.
 *
 * Method: the classical RK4 (Kutta 1901; Hairer, Nørsett & Wanner, *Solving Ordinary Differential
 * Equations I*, §II.1, table 1.2).
 *
 * @param f - the derivative, `dy/dt` in units of `y` per year
 * @param t - time at the start of the step, years
 * @param y - state at `t`
 * @param stepYears - step `h`, years (may be negative to step backwards)
 * @param out - receives the state at `t + h`; may alias `y`
 * @param workspace - scratch arrays of the state's size; allocated when omitted
 * @param firstStageReady - true when `workspace.k1` already holds `f(t, y)` (computed by the caller
 *   together with other quantities at `(t, y)`): the step then calls `f` three times
 * @returns `out`
 * @throws nothing itself; whatever `f` throws
 * @example rk4Step((t, y, o) => { o[0] = y[0] as number }, 0, Float64Array.of(1), 0.1, new Float64Array(1))[0] // → 1.1051708333333332
 */
export function rk4Step(
  f: Derivative,
  t: number,
  y: Float64Array,
  stepYears: number,
  out: Float64Array,
  workspace: Rk4Workspace = createRk4Workspace(y.length),
  firstStageReady = false,
): Float64Array {
  const { k1, k2, k3, k4, trial } = workspace;
  const n = y.length;
  const h = stepYears;
  const half = 0.5 * h;
  if (!firstStageReady) f(t, y, k1);
  for (let i = 0; i < n; i++) trial[i] = (y[i] as number) + half * (k1[i] as number);
  f(t + half, trial, k2);
  for (let i = 0; i < n; i++) trial[i] = (y[i] as number) + half * (k2[i] as number);
  f(t + half, trial, k3);
  for (let i = 0; i < n; i++) trial[i] = (y[i] as number) + h * (k3[i] as number);
  f(t + h, trial, k4);
  const sixth = h / 6;
  for (let i = 0; i < n; i++) {
    out[i] =
      (y[i] as number) + sixth * ((k1[i] as number) + 2 * ((k2[i] as number) + (k3[i] as number)) + (k4[i] as number));
  }
  return out;
}

/**
 * The number of steps {@link integrateRk4} takes to cover `spanYears` from one stop to the next:
 * `⌈span / h⌉`, at least 1, with a remainder under 1e-9 of a step merged into the previous step.
 * All but the last step are `stepYears` long, measured from the stop; the last one ends on the next
 * stop exactly.
 *
 * @param spanYears - the interval to cover, years (> 0)
 * @param stepYears - the step `h`, years (> 0)
 * @returns a whole number ≥ 1
 * @throws nothing; arguments are not checked (the integrators check them)
 * @example rk4StepCount(1, 0.25) // → 4
 */
export function rk4StepCount(spanYears: number, stepYears: number): number {
  return Math.max(1, Math.ceil(spanYears / stepYears - STEP_COUNT_SLACK));
}

/**
 * Integrate `dy/dt = f(t, y)` from `t0` to `t1` with classical RK4 at a fixed step.
 *
 * Each interval between consecutive stops (the output times, then `t1`) is covered by steps of
 * `stepYears` measured from its start; the last step of each interval is shortened so that every
 * stop is hit exactly (a remainder under 1e-9 of a step is merged into the previous step instead
 * of taking a sliver step). Step times are computed as `start + k·h`, so they do not drift. `y0` is
 * not modified. With `t0 = t1` the result is a copy of `y0`. No arrays are allocated inside the
 * step loop.
 *
 * Method: classical RK4 (Kutta 1901; Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.1); global
 * error O(h⁴).
 *
 * @param f - the derivative, units of `y` per year
 * @param y0 - the state at `t0`
 * @param t0 - start time, years
 * @param t1 - end time, years (`t1 ≥ t0`)
 * @param options - `stepYears` (default 1/12), `onStep`, `outputTimes`, `workspace`
 * @returns the state at `t1`, the states at the output times, and counts of steps and derivative calls
 * @throws {TypeError} when `y0`, `outputTimes` or a workspace array is not a `Float64Array`
 * @throws {RangeError} when `stepYears` is not a positive finite number, `t0`/`t1` is not finite,
 *   `t1 < t0`, an output time is outside `[t0, t1]` or out of order, or the workspace size differs from `y0`
 * @example integrateRk4((t, y, o) => { o[0] = -(y[0] as number) }, Float64Array.of(1), 0, 1).y[0] // → 0.3678795996565628 (e⁻¹ to 2e-7)
 */
export function integrateRk4(
  f: Derivative,
  y0: Float64Array,
  t0: number,
  t1: number,
  options: Rk4Options = {},
): Rk4Result {
  const { stepYears = 1 / 12, onStep, outputTimes } = options;
  if (typeof f !== 'function') {
    throw new TypeError(`f: ${typeof f} is not a function; pass a derivative (t, y, out) => void`);
  }
  checkVector('y0', y0);
  checkInterval(t0, t1);
  checkPositive('stepYears', stepYears, 'a step in years such as 1/12 (one month)');
  const n = y0.length;
  const times = outputTimes ?? new Float64Array(0);
  checkOutputTimes(times, t0, t1);
  const workspace = options.workspace ?? createRk4Workspace(n);
  for (const key of ['k1', 'k2', 'k3', 'k4', 'trial'] as const) {
    checkVector(`workspace.${key}`, workspace[key], n);
  }

  const y = y0.slice();
  const outputs = new Float64Array(times.length * n);
  const h = stepYears;
  let steps = 0;
  let start = t0;
  // Stops: every output time, then t1. Repeated output times and times equal to the current
  // time are recorded without stepping.
  for (let stop = 0; stop <= times.length; stop++) {
    const end = stop < times.length ? (times[stop] as number) : t1;
    const span = end - start;
    if (span > 0) {
      const count = rk4StepCount(span, h);
      for (let k = 0; k < count - 1; k++) {
        const t = start + k * h;
        rk4Step(f, t, y, h, y, workspace);
        steps++;
        if (onStep !== undefined) onStep(start + (k + 1) * h, y);
      }
      const tLast = start + (count - 1) * h;
      rk4Step(f, tLast, y, end - tLast, y, workspace);
      steps++;
      if (onStep !== undefined) onStep(end, y);
      start = end;
    }
    if (stop < times.length) outputs.set(y, stop * n);
  }
  return { y, outputs, steps, evaluations: 4 * steps };
}
