import { expEach } from '../../math/elementary.js';
import { BINDING_SLACK, type DemandKernel, ENTRY, FLOOR_RETURN } from './kernel.js';
import { exposures } from './sums.js';
import { periodAt, timeTerms } from './time-terms.js';
import type { DemandSnapshot } from './types.js';

/**
 * `s*` of every entry (docs/model.md §2) into `target`, and `dy/dt` into `out`:
 * `s* = clip(u + κ·max(0, P − u) + w, s_min, s_max)` with
 * `u = b·exp(ε(ln Θ − ln Θ₀) − η(ln Φ − ln Φ₀))` (exp(0) is exactly 1, so a term that does not apply
 * leaves `u = b`), `ds/dt = λ(s* − s)`, `dK/dt = φ·s·Y − δK`. Where the pledge binds and the burden
 * is at or below its path (within {@link BINDING_SLACK}), `ds/dt = max(λ(s* − s), dP/dt + r(P − s))`
 * with `dP/dt` from `slope` ({@link DemandKernel.pledgeSlope} or {@link DemandKernel.pledgeSlopeAhead})
 * and `r` = {@link FLOOR_RETURN}: on the path, `max(λ(s* − s), dP/dt)`.
 * The time terms and the logarithms of Θ and Φ (from {@link exposures}) must be those of the
 * current time and state; `spill` is Φ.
 *
 * The constants of an entry are read from {@link DemandKernel.entry} only where they change: once
 * per actor whose members share them ({@link DemandKernel.sharedEntry}), else at every entry.
 */
export function derive(
  kernel: DemandKernel,
  y: Float64Array,
  spill: Float64Array,
  slope: Float64Array,
  target: Float64Array,
  out: Float64Array,
): void {
  const { M, nM, entry: c, sharedEntry, lnTheta, lnSpill, pledgeNow, warNow, gdpNow } = kernel;
  let e = 0;
  let h = 0;
  let lnTheta0 = 0;
  let lnSpill0 = 0;
  let next = 0;
  for (let o = 0; o < nM; o++) {
    if (o === next) {
      const q = (o * ENTRY) | 0;
      e = c[(q + 4) | 0] as number;
      h = c[(q + 5) | 0] as number;
      lnTheta0 = c[(q + 6) | 0] as number;
      lnSpill0 = c[(q + 7) | 0] as number;
      next = sharedEntry[(o / M) | 0] === 1 ? o + M : o + 1;
    }
    let exponent = 0;
    if (e !== 0) exponent += e * ((lnTheta[o] as number) - lnTheta0);
    if (h !== 0 && (spill[o] as number) > 0) exponent -= h * ((lnSpill[o] as number) - lnSpill0);
    target[o] = exponent;
  }
  // exp of the actors that respond; exp(0) = 1 exactly for the others (a loop: fill() costs more).
  for (let i = 0; i < kernel.n; i++) {
    if (kernel.responds[i] !== 0) expEach(target, target, i * M, (i + 1) * M);
    else for (let o = i * M; o < (i + 1) * M; o++) target[o] = 1;
  }
  let speed = 0;
  let build = 0;
  let depreciation = 0;
  let baseline = 0;
  let compliance = 0;
  let lo = 0;
  let hi = 0;
  let reach = 0;
  next = 0;
  for (let o = 0; o < nM; o++) {
    if (o === next) {
      const q = (o * ENTRY) | 0;
      speed = c[q] as number;
      build = c[(q + 1) | 0] as number;
      depreciation = c[(q + 2) | 0] as number;
      baseline = c[(q + 3) | 0] as number;
      compliance = c[(q + 8) | 0] as number;
      lo = c[(q + 9) | 0] as number;
      hi = c[(q + 10) | 0] as number;
      reach = c[(q + 11) | 0] as number;
      next = sharedEntry[(o / M) | 0] === 1 ? o + M : o + 1;
    }
    const u = baseline * (target[o] as number);
    const pledge = pledgeNow[o] as number;
    let goal = u + (pledge > u ? compliance * (pledge - u) : 0) + (warNow[o] as number);
    if (goal < lo) goal = lo;
    if (goal > hi) goal = hi;
    target[o] = goal;
    const s = y[o] as number;
    let rate = speed * (goal - s);
    // The pledge path as a floor: −∞ reach where it does not bind, and s − (−∞) where no pledge applies.
    if (s - pledge <= reach) {
      const floor = (slope[o] as number) + FLOOR_RETURN * (pledge - s);
      if (floor > rate) rate = floor;
    }
    out[o] = rate;
    out[(nM + o) | 0] = build * s * (gdpNow[o] as number) - depreciation * (y[(nM + o) | 0] as number);
  }
}

/**
 * `dy/dt` at (t, y): `ds/dt = λ(s* − s)` (with the floor of a binding pledge, its path's slope just
 * before `t`), `dK/dt = φ·s·Y − δK`; Θ and Φ land in `theta`, `spill`.
 */
export function evaluate(
  kernel: DemandKernel,
  t: number,
  y: Float64Array,
  theta: Float64Array,
  spill: Float64Array,
  out: Float64Array,
): void {
  exposures(kernel, periodAt(kernel, t), y, theta, spill);
  timeTerms(kernel, t);
  derive(kernel, y, spill, kernel.pledgeSlope, kernel.target, out);
}

/** The snapshot at (t, y), and with `dydt` the derivative there from the same sums. */
export function observe(
  kernel: DemandKernel,
  t: number,
  y: Float64Array,
  out: DemandSnapshot,
  dydt?: Float64Array,
): void {
  exposures(kernel, periodAt(kernel, t), y, out.threat, out.spillIn);
  timeTerms(kernel, t);
  const { nM, gdpNow } = kernel;
  const { gdp, spending } = out;
  derive(kernel, y, out.spillIn, kernel.pledgeSlopeAhead, out.target, dydt ?? kernel.scratch);
  for (let o = 0; o < nM; o++) {
    const s = y[o] as number;
    const g = gdpNow[o] as number;
    gdp[o] = g;
    spending[o] = s * g;
  }
}
