import { JOE_KUO_DIRECTIONS } from './joe-kuo-directions.js';

/** The most dimensions {@link sobolSequence} can generate: the size of its direction-number table. */
export const SOBOL_MAX_DIMENSIONS = 64;

/** The most points the 32-bit generator can index: point indices run from 0 to 2^32 − 1. */
export const SOBOL_MAX_POINTS = 2 ** 32;

/** Bits per coordinate: points are integers of this many bits divided by 2^32. */
const BITS = 32;

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Index of the first point returned; default 0 (the origin). */
  skip?: number;
}

let directionCache: Uint32Array[] | undefined;

/** Direction numbers `v_j = m_j · 2^(32 − j)` for every dimension, built once from the Joe–Kuo table. */
function directionNumbers(): Uint32Array[] {
  if (directionCache !== undefined) return directionCache;
  const table: Uint32Array[] = [];
  const vanDerCorput = new Uint32Array(BITS);
  for (let j = 0; j < BITS; j++) vanDerCorput[j] = 2 ** (BITS - 1 - j);
  table.push(vanDerCorput);
  for (const entry of JOE_KUO_DIRECTIONS.split('|')) {
    const [s = 0, a = 0, ...m] = entry.split(' ').map(Number);
    const v = new Uint32Array(BITS);
    for (let j = 0; j < s; j++) v[j] = (m[j] ?? 0) * 2 ** (BITS - 1 - j);
    for (let j = s; j < BITS; j++) {
      const back = v[j - s] ?? 0;
      let value = back ^ (back >>> s);
      for (let l = 1; l < s; l++) {
        if (((a >>> (s - 1 - l)) & 1) === 1) value ^= v[j - l] ?? 0;
      }
      v[j] = value >>> 0;
    }
    table.push(v);
  }
  directionCache = table;
  return table;
}

/** Index of the lowest set bit of a positive integer below 2^32. */
function lowestSetBit(value: number): number {
  return 31 - Math.clz32(value & -value);
}

/**
 * Generate Sobol' low-discrepancy points in the unit cube, row-major.
 *
 * Point `n` has coordinates `x_n = ⊕_j g_j v_j / 2^32`, where `g = n ⊕ (n >> 1)` is the Gray code of
 * `n` and `v_j` are the direction numbers of Joe & Kuo (2008); successive points differ by one
 * XOR (Antonov & Saleev's Gray-code construction of Sobol' 1967). The points are the unscrambled
 * sequence, so they match SciPy's `qmc.Sobol(d, scramble=False, bits=32)` exactly. Every block of
 * `2^m` points starting at a multiple of `2^m` is balanced: in one dimension it is a permutation of
 * the grid `{0, 1, …, 2^m − 1} / 2^m`.
 *
 * @param count - the number of points, a non-negative integer
 * @param dimensions - coordinates per point, 1 to {@link SOBOL_MAX_DIMENSIONS}
 * @param options - `skip`: index of the first point (default 0, the origin)
 * @returns `count × dimensions` coordinates in `[0, 1)`; point `n` is `subarray(n·d, (n + 1)·d)`
 * @throws {RangeError} when `count` or `skip` is not a non-negative integer, `dimensions` is not an
 *   integer from 1 to 64, or `skip + count` exceeds 2^32
 * @example Array.from(sobolSequence(4, 2)) // → [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 * @see Sobol' 1967; Joe & Kuo 2008, "Constructing Sobol sequences with better two-dimensional projections"
 */
export function sobolSequence(count: number, dimensions: number, options: SobolSequenceOptions = {}): Float64Array {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count: ${count} is not a number of points; use a non-negative integer such as 1024`);
  }
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(
      `dimensions: ${dimensions} is outside the direction-number table; use an integer from 1 to ${SOBOL_MAX_DIMENSIONS}`,
    );
  }
  if (!Number.isInteger(skip) || skip < 0) {
    throw new RangeError(`skip: ${skip} is not a point index; use a non-negative integer such as 0 or 1024`);
  }
  if (skip + count > SOBOL_MAX_POINTS) {
    throw new RangeError(
      `skip + count: ${skip + count} exceeds the 2^32 points of the 32-bit generator; use fewer points`,
    );
  }
  const v = directionNumbers();
  const state = new Uint32Array(dimensions);
  // Start at the point `skip`: XOR the direction numbers of the set bits of its Gray code.
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let j = 0; j < BITS; j++) {
    if (Math.floor(gray / 2 ** j) % 2 === 1) {
      for (let d = 0; d < dimensions; d++) state[d] = (state[d] ?? 0) ^ (v[d]?.[j] ?? 0);
    }
  }
  const points = new Float64Array(count * dimensions);
  const scale = 2 ** -BITS;
  for (let i = 0; i < count; i++) {
    const offset = i * dimensions;
    for (let d = 0; d < dimensions; d++) points[offset + d] = (state[d] ?? 0) * scale;
    const next = skip + i + 1;
    if (next >= SOBOL_MAX_POINTS) break;
    // The Gray codes of n and n + 1 differ in the lowest set bit of n + 1.
    const bit = lowestSetBit(next);
    for (let d = 0; d < dimensions; d++) state[d] = (state[d] ?? 0) ^ (v[d]?.[bit] ?? 0);
  }
  return points;
}
