/** A source of uniform numbers on `[0, 1)`, e.g. a seeded generator. */
export type UniformSource = () => number;

/**
 * Create a small seeded generator of uniform numbers on `[0, 1)` (Mulberry32: a 32-bit Weyl
 * sequence passed through a mixing function). Enough for bootstrap resampling and Morris
 * trajectories; not for cryptography.
 *
 * @param seed - an integer from 0 to 2^32 − 1
 * @returns a function giving the next number of the stream on each call
 * @throws {RangeError} when `seed` is not an integer from 0 to 2^32 − 1
 * @example createSeededUniform(1)() // → 0.6270739405881613
 * @see Tommy Ettinger, Mulberry32 (2017), public domain
 */
export function createSeededUniform(seed: number): UniformSource {
  checkSeed(seed);
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Check that `seed` is an integer from 0 to 2^32 − 1.
 *
 * @param seed - the seed to check
 * @throws {RangeError} when it is not
 * @example checkSeed(1) // → undefined (no throw)
 * @see Mulberry32 takes a 32-bit state
 */
export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`seed: ${seed} is not a 32-bit seed; use an integer from 0 to 4294967295, e.g. 1`);
  }
}

/**
 * Draw an integer uniformly from `0, 1, …, n − 1`.
 *
 * @param random - uniform numbers on `[0, 1)`
 * @param n - the number of choices, a positive integer
 * @returns the index drawn
 * @throws {RangeError} when `random()` returns a value outside `[0, 1)`
 * @example randomIndex(() => 0.5, 4) // → 2
 * @see Knuth, TAOCP vol. 2, §3.4.1
 */
export function randomIndex(random: UniformSource, n: number): number {
  const u = random();
  if (!(u >= 0 && u < 1)) {
    throw new RangeError(`random: returned ${u}; pass a function giving uniform numbers on [0, 1)`);
  }
  return Math.floor(u * n);
}
