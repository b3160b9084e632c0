import { exp } from '../math/elementary.js';

/**
 * Capability stock by the perpetual inventory method over yearly spending, with spending held
 * constant within each year: `K(y+1) = K(y)·e^{−δ} + φ·M(y)·(1 − e^{−δ})/δ`, the exact solution of
 * `dK/dt = φM − δK` over one year. The stock starts at the steady state of the first year,
 * `φ·M(first)/δ`, whose weight has decayed by `e^{−δ·years}` at the end.
 *
 * @param spending yearly spending, first year first (constant US$)
 * @param depreciation `δ`, 1/years (> 0)
 * @param buildShare `φ`, the share of spending that builds capability
 * @returns the stock at the start of the year after the last one given
 * @throws {RangeError} for no spending, a non-positive depreciation or a non-finite value.
 * @example perpetualInventory([100, 100], 0.1, 1) // 1000 (the steady state φM/δ)
 */
export function perpetualInventory(spending: readonly number[], depreciation: number, buildShare: number): number {
  return capabilityPath(spending, depreciation, buildShare).at(-1) as number;
}

/**
 * The capability stock at the start of each year of the perpetual inventory of
 * {@link perpetualInventory}: entry `k` is the stock at the start of year `k` (entry 0 the
 * steady state of the first year), the last entry the stock after the last year.
 *
 * @throws {RangeError} as {@link perpetualInventory}.
 * @example capabilityPath([100, 200], 0.1, 1) // [1000, 1000, 1095.16…]
 */
export function capabilityPath(spending: readonly number[], depreciation: number, buildShare: number): number[] {
  if (spending.length === 0)
    throw new RangeError('spending: no years given; the perpetual inventory needs at least one year');
  if (!(depreciation > 0))
    throw new RangeError(`depreciation: ${depreciation} must be a positive rate in 1/years, e.g. 0.1`);
  const decay = exp(-depreciation);
  const gain = (1 - decay) / depreciation;
  const path = [(buildShare * (spending[0] as number)) / depreciation];
  for (const m of spending) {
    if (!Number.isFinite(m)) throw new RangeError(`spending: ${m} is not a finite number`);
    path.push((path.at(-1) as number) * decay + buildShare * m * gain);
  }
  return path;
}
