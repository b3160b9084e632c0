import { exp, expEach } from '../../math/elementary.js';
import { pledgePath } from '../pledge-path.js';
import { warBurden } from '../war.js';
import type { DemandKernel } from './kernel.js';

/** Real GDP of actor i, member m at time t: log-linear between mid-year points. */
export function gdpOf(kernel: DemandKernel, i: number, m: number, t: number): number {
  const { gdpYears, lnGdp, gdpShock, nM, M } = kernel;
  const p = t - 0.5 - kernel.gdpFirstYear;
  let k = Math.floor(p);
  if (k < 0) k = 0;
  if (k > gdpYears - 2) k = gdpYears - 2;
  const o = i * M + m;
  const a = (lnGdp[i * gdpYears + k] as number) + (gdpShock === undefined ? 0 : (gdpShock[k * nM + o] as number));
  const b =
    (lnGdp[i * gdpYears + k + 1] as number) + (gdpShock === undefined ? 0 : (gdpShock[(k + 1) * nM + o] as number));
  return exp(a + (p - k) * (b - a));
}

/**
 * The terms of every actor and member that depend on time alone, at `t`: GDP (log-linear between
 * mid-year points, plus the member's shocks), the highest pledge path once the actor is an ally
 * (`−∞` before, or without pledges) with its slope just before and just after `t`, and the war
 * burden. RK4 asks each time twice (its middle stages share one, and a step's last stage is the
 * next step's first), so they are kept for the last time asked.
 */
export function timeTerms(kernel: DemandKernel, t: number): void {
  if (t === kernel.termsTime) return;
  const { n, M, nM, gdpYears, lnGdp, gdpShock, gdpNow, pledgeNow, warNow, joins, baseline, sharedTerms } = kernel;
  const { pledgeTarget, pledgeFrom, pledgeBy, pledgeSlope, pledgeSlopeAhead, warExtra, warUntil, warFade } = kernel;
  const P = kernel.pledgeCount;
  const p = t - 0.5 - kernel.gdpFirstYear;
  let k = Math.floor(p);
  if (k < 0) k = 0;
  if (k > gdpYears - 2) k = gdpYears - 2;
  const f = p - k;
  for (let i = 0; i < n; i++) {
    const la = lnGdp[i * gdpYears + k] as number;
    const lb = lnGdp[i * gdpYears + k + 1] as number;
    const o0 = i * M;
    if (gdpShock === undefined) {
      const g = exp(la + f * (lb - la));
      for (let o = o0; o < o0 + M; o++) gdpNow[o] = g;
    } else {
      // The exponents here, their exp for all actors at once below.
      for (let o = o0; o < o0 + M; o++) {
        const a = la + (gdpShock[k * nM + o] as number);
        const b = lb + (gdpShock[(k + 1) * nM + o] as number);
        gdpNow[o] = a + f * (b - a);
      }
    }
    const ally = P > 0 && t >= (joins[i] as number);
    // Members that share the actor's terms share the results: one member's, copied.
    const last = sharedTerms[i] === 1 ? o0 + 1 : o0 + M;
    for (let o = o0; o < last; o++) {
      let pledge = Number.NEGATIVE_INFINITY;
      // The highest path's slope just before and just after t: of paths level at t, the one that
      // was highest before t is the one that rose least, the one highest after t the one that rises most.
      let before = 0;
      let after = 0;
      if (ally) {
        const b = baseline[o] as number;
        for (let q = o; q < P * nM; q += nM) {
          const target = pledgeTarget[q] as number;
          const from = pledgeFrom[q] as number;
          const by = pledgeBy[q] as number;
          const v = pledgePath(b, target, from, by, t);
          const rate = by > from ? (target - b) / (by - from) : 0;
          const left = t > from && t <= by ? rate : 0;
          const right = t >= from && t < by ? rate : 0;
          if (v > pledge) {
            pledge = v;
            before = left;
            after = right;
          } else if (v === pledge) {
            if (left < before) before = left;
            if (right > after) after = right;
          }
        }
      }
      pledgeNow[o] = pledge;
      pledgeSlope[o] = before;
      pledgeSlopeAhead[o] = after;
      warNow[o] = warBurden(warExtra[o] as number, warUntil[o] as number, warFade[o] as number, t);
    }
    // A loop, not fill(): the builtin's call costs more than 32 stores.
    const pledge0 = pledgeNow[o0] as number;
    const before0 = pledgeSlope[o0] as number;
    const after0 = pledgeSlopeAhead[o0] as number;
    const war0 = warNow[o0] as number;
    for (let o = last; o < o0 + M; o++) {
      pledgeNow[o] = pledge0;
      pledgeSlope[o] = before0;
      pledgeSlopeAhead[o] = after0;
      warNow[o] = war0;
    }
  }
  if (gdpShock !== undefined) expEach(gdpNow, gdpNow);
  kernel.termsTime = t;
}

/** The period of membership that holds time `t`. */
export function periodAt(kernel: DemandKernel, t: number): number {
  const starts = kernel.periodStarts;
  let p = 0;
  while (p + 1 < starts.length && t >= (starts[p + 1] as number)) p++;
  return p;
}
