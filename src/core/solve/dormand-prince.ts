import { checkFinite, checkInterval, checkOutputTimes, checkPositive, checkVector } from './argument-checks.js';
import type { Derivative, StepObserver } from './derivative.js';

/** Options of {@link integrateDormandPrince}. */
export interface DormandPrinceOptions {
  /** Relative tolerance (per component, of `max(|y|, |y_new|)`); default 1e-8. */
  rtol?: number;
  /** Absolute tolerance, units of `y`; default 1e-10. */
  atol?: number;
  /** First trial step, years; default chosen automatically (Hairer, Nørsett & Wanner, §II.4). */
  initialStepYears?: number;
  /** Largest step, years; default `t1 − t0`. */
  maxStepYears?: number;
  /** Largest number of attempted steps (accepted plus rejected); default 100 000. */
  maxSteps?: number;
  /** Step-size safety factor; default 0.9. */
  safety?: number;
  /** Smallest factor by which one step may shrink the next; default 0.2. */
  minFactor?: number;
  /** Largest factor by which one step may grow the next; default 10. */
  maxFactor?: number;
  /** Times (years, non-decreasing, inside `[t0, t1]`) at which to record the state. */
  outputTimes?: Float64Array;
  /**
   * How states at `outputTimes` are obtained: `'dense'` (default) evaluates the method's
   * continuous extension of order 4 without shortening steps; `'land'` shortens steps so that
   * each output time is a step end.
   */
  outputMode?: 'dense' | 'land';
  /** Called after every accepted step with the time reached and the state (a reused buffer). */
  onStep?: StepObserver;
}

/** Work counts of one integration. */
export interface DormandPrinceStats {
  /** Steps whose error estimate met the tolerance. */
  acceptedSteps: number;
  /** Steps redone with a smaller step. */
  rejectedSteps: number;
  /** Calls of the derivative. */
  evaluations: number;
}

/** What {@link integrateDormandPrince} returns. */
export interface DormandPrinceResult {
  /** The state at `t1` (a new array). */
  y: Float64Array;
  /** The states at `outputTimes`, row-major: the state at `outputTimes[k]` is `outputs.subarray(k * n, (k + 1) * n)`. */
  outputs: Float64Array;
  /** Work counts. */
  stats: DormandPrinceStats;
}

// The Dormand–Prince 5(4) tableau (Dormand & Prince 1980; Hairer, Nørsett & Wanner, table II.5.2).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// Fifth-order weights (row 7 of the tableau, hence FSAL).
const B1 = 35 / 384;
const B3 = 500 / 1113;
const B4 = 125 / 192;
const B5 = -2187 / 6784;
const B6 = 11 / 84;
// Differences between the fifth- and fourth-order weights.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Continuous extension (Hairer's DOPRI5 code, subroutine CONTD5).
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

/**
 * Integrate `dy/dt = f(t, y)` from `t0` to `t1` with the adaptive Dormand–Prince 5(4) method.
 *
 * The fifth-order solution is propagated (local extrapolation); the embedded fourth-order one gives
 * the error estimate `err = sqrt(mean((e_i / (atol + rtol·max(|y_i|, |y_new,i|)))²))`, and a step is
 * accepted when `err ≤ 1`. The next step is `h·clamp(safety·err^(−1/5), minFactor, maxFactor)`,
 * never growing right after a rejection. The last stage of an accepted step is the first of the
 * next (FSAL), so a step costs six derivative calls. A step that produces a non-finite estimate is
 * rejected and shrunk. No arrays are allocated inside the step loop. `y0` is not modified; with
 * `t0 = t1` the result is a copy of `y0`.
 *
 * Method: Dormand & Prince (1980), "A family of embedded Runge–Kutta formulae", J. Comp. Appl.
 * Math. 6; step control, initial step and dense output as in Hairer, Nørsett & Wanner, *Solving
 * Ordinary Differential Equations I* (2nd ed.), §II.4–II.6 and their code DOPRI5.
 *
 * @param f - the derivative, units of `y` per year
 * @param y0 - the state at `t0`
 * @param t0 - start time, years
 * @param t1 - end time, years (`t1 ≥ t0`)
 * @param options - tolerances (`rtol` 1e-8, `atol` 1e-10), step controls, `outputTimes`, `outputMode`, `onStep`
 * @returns the state at `t1`, the states at the output times and the work counts
 * @throws {TypeError} when `y0` or `outputTimes` is not a `Float64Array`
 * @throws {RangeError} when a tolerance or step option is not a positive finite number, `t1 < t0`, an
 *   output time is out of range or order, `maxSteps` attempted steps do not reach `t1` (the message
 *   names the time reached), or the step shrinks below rounding level (the message names the time)
 * @example integrateDormandPrince((t, y, o) => { o[0] = -(y[0] as number) }, Float64Array.of(1), 0, 1).y[0] // → 0.36787944… (e⁻¹ to 1e-9)
 */
export function integrateDormandPrince(
  f: Derivative,
  y0: Float64Array,
  t0: number,
  t1: number,
  options: DormandPrinceOptions = {},
): DormandPrinceResult {
  const {
    rtol = 1e-8,
    atol = 1e-10,
    maxSteps = 100_000,
    safety = 0.9,
    minFactor = 0.2,
    maxFactor = 10,
    outputMode = 'dense',
    onStep,
  } = options;
  if (typeof f !== 'function') {
    throw new TypeError(`f: ${typeof f} is not a function; pass a derivative (t, y, out) => void`);
  }
  checkVector('y0', y0);
  checkInterval(t0, t1);
  checkPositive('rtol', rtol, 'a relative tolerance such as 1e-8');
  checkFinite('atol', atol);
  if (atol < 0) throw new RangeError(`atol: ${atol} is negative; use an absolute tolerance ≥ 0 such as 1e-10`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new RangeError(`maxSteps: ${maxSteps} is not a positive integer; use a step budget such as 100000`);
  }
  checkPositive('safety', safety, 'a factor in (0, 1) such as 0.9');
  if (safety >= 1) throw new RangeError(`safety: ${safety} is not below 1; use a factor in (0, 1) such as 0.9`);
  checkPositive('minFactor', minFactor, 'a factor in (0, 1) such as 0.2');
  if (minFactor >= 1) {
    throw new RangeError(`minFactor: ${minFactor} is not below 1; use a factor in (0, 1) such as 0.2`);
  }
  checkPositive('maxFactor', maxFactor, 'a factor above 1 such as 10');
  if (maxFactor <= 1) throw new RangeError(`maxFactor: ${maxFactor} is not above 1; use a factor such as 10`);
  if (outputMode !== 'dense' && outputMode !== 'land') {
    throw new RangeError(`outputMode: ${String(outputMode)} is not a mode; use 'dense' or 'land'`);
  }
  const span = t1 - t0;
  const maxStep = options.maxStepYears ?? span;
  if (options.maxStepYears !== undefined) {
    checkPositive('maxStepYears', options.maxStepYears, 'a largest step in years such as 1');
  }
  if (options.initialStepYears !== undefined) {
    checkPositive('initialStepYears', options.initialStepYears, 'a first step in years such as 0.01');
  }
  const n = y0.length;
  const times = options.outputTimes ?? new Float64Array(0);
  checkOutputTimes(times, t0, t1);

  const outputs = new Float64Array(times.length * n);
  let y = y0.slice();
  const stats: DormandPrinceStats = { acceptedSteps: 0, rejectedSteps: 0, evaluations: 0 };
  let next = 0; // first output time not yet recorded
  while (next < times.length && (times[next] as number) <= t0) {
    outputs.set(y, next * n);
    next++;
  }
  if (span === 0) return { y, outputs, stats };

  // Work arrays, allocated once.
  let k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  let k7 = new Float64Array(n);
  let yNew = new Float64Array(n);
  const trial = new Float64Array(n);
  const dense = times.length > 0 && outputMode === 'dense';
  const r2 = new Float64Array(dense ? n : 0);
  const r3 = new Float64Array(dense ? n : 0);
  const r4 = new Float64Array(dense ? n : 0);
  const r5 = new Float64Array(dense ? n : 0);

  let t = t0;
  f(t, y, k1);
  stats.evaluations++;
  let h =
    options.initialStepYears ??
    initialStep(f, t, y, k1, span, maxStep, rtol, atol, trial, k2, (count) => {
      stats.evaluations += count;
    });
  h = Math.min(h, maxStep);
  let rejectedLast = false;

  while (true) {
    if (stats.acceptedSteps + stats.rejectedSteps >= maxSteps) {
      throw new RangeError(
        `maxSteps: ${maxSteps} steps reached t = ${t} years before t1 = ${t1}; ` +
          'raise maxSteps, loosen rtol/atol, or check the system for stiffness or blow-up',
      );
    }
    // The step to try, clipped to the next stop; `proposed` remembers what the controller asked for.
    const proposed = h;
    let stopTime = t1;
    if (outputMode === 'land' && next < times.length) stopTime = times[next] as number;
    let landing = false;
    if (t + 1.01 * h >= stopTime) {
      h = stopTime - t;
      landing = true;
    }
    if (Math.abs(h) <= 16 * Number.EPSILON * Math.max(Math.abs(t), 1e-300)) {
      throw new RangeError(
        `t: the step size fell to ${h} years at t = ${t} years, before t1 = ${t1}; ` +
          'the system may be stiff or blowing up; loosen rtol/atol or shorten the interval',
      );
    }

    for (let i = 0; i < n; i++) trial[i] = (y[i] as number) + h * A21 * (k1[i] as number);
    f(t + C2 * h, trial, k2);
    for (let i = 0; i < n; i++) {
      trial[i] = (y[i] as number) + h * (A31 * (k1[i] as number) + A32 * (k2[i] as number));
    }
    f(t + C3 * h, trial, k3);
    for (let i = 0; i < n; i++) {
      trial[i] = (y[i] as number) + h * (A41 * (k1[i] as number) + A42 * (k2[i] as number) + A43 * (k3[i] as number));
    }
    f(t + C4 * h, trial, k4);
    for (let i = 0; i < n; i++) {
      trial[i] =
        (y[i] as number) +
        h * (A51 * (k1[i] as number) + A52 * (k2[i] as number) + A53 * (k3[i] as number) + A54 * (k4[i] as number));
    }
    f(t + C5 * h, trial, k5);
    for (let i = 0; i < n; i++) {
      trial[i] =
        (y[i] as number) +
        h *
          (A61 * (k1[i] as number) +
            A62 * (k2[i] as number) +
            A63 * (k3[i] as number) +
            A64 * (k4[i] as number) +
            A65 * (k5[i] as number));
    }
    const tNew = landing ? stopTime : t + h;
    f(t + h, trial, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] =
        (y[i] as number) +
        h *
          (B1 * (k1[i] as number) +
            B3 * (k3[i] as number) +
            B4 * (k4[i] as number) +
            B5 * (k5[i] as number) +
            B6 * (k6[i] as number));
    }
    f(tNew, yNew, k7);
    stats.evaluations += 6;

    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e =
        h *
        (E1 * (k1[i] as number) +
          E3 * (k3[i] as number) +
          E4 * (k4[i] as number) +
          E5 * (k5[i] as number) +
          E6 * (k6[i] as number) +
          E7 * (k7[i] as number));
      const scale = atol + rtol * Math.max(Math.abs(y[i] as number), Math.abs(yNew[i] as number));
      const ratio = e / scale;
      sum += ratio * ratio;
    }
    const err = n > 0 ? Math.sqrt(sum / n) : 0;

    if (err <= 1) {
      stats.acceptedSteps++;
      let factor = err === 0 ? maxFactor : Math.min(maxFactor, Math.max(minFactor, safety * err ** -0.2));
      if (rejectedLast) factor = Math.min(factor, 1);
      rejectedLast = false;

      if (dense && next < times.length && (times[next] as number) <= tNew) {
        // Coefficients of the continuous extension on [t, tNew].
        for (let i = 0; i < n; i++) {
          const yi = y[i] as number;
          const diff = (yNew[i] as number) - yi;
          const bspl = h * (k1[i] as number) - diff;
          r2[i] = diff;
          r3[i] = bspl;
          r4[i] = diff - h * (k7[i] as number) - bspl;
          r5[i] =
            h *
            (D1 * (k1[i] as number) +
              D3 * (k3[i] as number) +
              D4 * (k4[i] as number) +
              D5 * (k5[i] as number) +
              D6 * (k6[i] as number) +
              D7 * (k7[i] as number));
        }
        while (next < times.length && (times[next] as number) <= tNew) {
          const tOut = times[next] as number;
          const offset = next * n;
          if (tOut === tNew) {
            outputs.set(yNew, offset);
          } else {
            const theta = (tOut - t) / h;
            const theta1 = 1 - theta;
            for (let i = 0; i < n; i++) {
              outputs[offset + i] =
                (y[i] as number) +
                theta *
                  ((r2[i] as number) +
                    theta1 * ((r3[i] as number) + theta * ((r4[i] as number) + theta1 * (r5[i] as number))));
            }
          }
          next++;
        }
      } else if (!dense) {
        while (next < times.length && (times[next] as number) <= tNew) {
          outputs.set(yNew, next * n);
          next++;
        }
      }

      // Advance: swap buffers instead of copying; the last stage becomes the first (FSAL).
      const oldY = y;
      y = yNew;
      yNew = oldY;
      const oldK1 = k1;
      k1 = k7;
      k7 = oldK1;
      t = tNew;
      if (onStep !== undefined) onStep(t, y);
      if (landing && stopTime === t1) break;
      h = h * factor;
      if (landing) h = Math.max(h, proposed);
      h = Math.min(h, maxStep);
    } else {
      stats.rejectedSteps++;
      const factor = Number.isFinite(err) ? Math.max(minFactor, safety * err ** -0.2) : minFactor;
      h = h * Math.min(1, factor);
      rejectedLast = true;
    }
  }
  return { y, outputs, stats };
}

/**
 * Hairer's initial step guess: a step whose explicit Euler error would be about the tolerance,
 * refined by a second derivative estimate (Hairer, Nørsett & Wanner, §II.4, "Starting step size").
 */
function initialStep(
  f: Derivative,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  span: number,
  maxStep: number,
  rtol: number,
  atol: number,
  trial: Float64Array,
  f1: Float64Array,
  count: (evaluations: number) => void,
): number {
  const n = y.length;
  if (n === 0) return Math.min(span, maxStep);
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y[i] as number);
    d0 += ((y[i] as number) / scale) ** 2;
    d1 += ((f0[i] as number) / scale) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  h0 = Math.min(h0, maxStep, span);
  for (let i = 0; i < n; i++) trial[i] = (y[i] as number) + h0 * (f0[i] as number);
  f(t + h0, trial, f1);
  count(1);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y[i] as number);
    d2 += (((f1[i] as number) - (f0[i] as number)) / scale) ** 2;
  }
  d2 = Math.sqrt(d2 / n) / h0;
  const dMax = Math.max(d1, d2);
  const h1 = dMax <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dMax) ** 0.2;
  const h = Math.min(100 * h0, h1, maxStep, span);
  return Number.isFinite(h) && h > 0 ? h : Math.min(1e-6, span);
}
