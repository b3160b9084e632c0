import { InputError } from '../errors.js';

/**
 * Half-panel jackknife (Dhaene & Jochmans 2015, *Review of Economic Studies* 82): with `θ̂` the
 * estimate on years `[a, b]` and `θ̂₁`, `θ̂₂` those on its first and second halves, the
 * bias-corrected estimate is `2θ̂ − (θ̂₁ + θ̂₂)/2`, which removes the `O(1/T)` (Nickell) bias of
 * the within estimator in a dynamic panel. The halves split at `a + ⌊(b − a + 1)/2⌋`.
 *
 * @param full - the estimates on the whole span
 * @param years - the span `[a, b]`
 * @param fitYears - refit on years `[a', b']`, returning estimates in the order of `full`
 * @returns the corrected estimates, or `undefined` when a half cannot be fitted (too few years or
 *   a singular design: the caller reports the correction as unavailable)
 * @example halfPanelJackknife([1], [2000, 2009], () => [0.8]) // → [1.2]
 */
export function halfPanelJackknife(
  full: readonly number[],
  years: readonly [number, number],
  fitYears: (a: number, b: number) => readonly number[],
): number[] | undefined {
  const [a, b] = years;
  const split = a + Math.floor((b - a + 1) / 2);
  try {
    const first = fitYears(a, split - 1);
    const second = fitYears(split, b);
    return full.map((v, k) => 2 * v - ((first[k] as number) + (second[k] as number)) / 2);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}
