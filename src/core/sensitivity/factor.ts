/** An uncertain input spread uniformly over `[low, high]`, in the input's own unit. */
export interface UniformFactor {
  /** Name shown in results, e.g. `speed`; unique within one analysis. */
  readonly name: string;
  /** Lower bound, in the input's unit. */
  readonly low: number;
  /** Upper bound, in the input's unit; greater than `low`. */
  readonly high: number;
}

/** An uncertain input with any distribution, given by its quantile function. */
export interface DistributedFactor {
  /** Name shown in results; unique within one analysis. */
  readonly name: string;
  /**
   * The inverse cumulative distribution function: maps a probability `u` in `(0, 1)` to the input's
   * value with that quantile. Must return a finite number for every `u` strictly inside `(0, 1)`.
   */
  readonly inverseCdf: (u: number) => number;
}

/** An uncertain input of a sensitivity analysis: uniform on `[low, high]`, or any distribution by its quantile function. */
export type Factor = UniformFactor | DistributedFactor;

/**
 * Check a list of factors: at least one, names unique and non-empty, `low < high` and both finite
 * for uniform factors, a function for distributed ones.
 *
 * @param factors - the factors of an analysis
 * @throws {RangeError} when there are no factors, a name repeats or is empty, or `low ≥ high`
 * @throws {TypeError} when a factor is neither `{ name, low, high }` nor `{ name, inverseCdf }`
 * @example checkFactors([{ name: 'speed', low: 0, high: 1 }]) // → undefined (no throw)
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2 (input factors)
 */
export function checkFactors(factors: readonly Factor[]): void {
  if (!Array.isArray(factors) || factors.length === 0) {
    throw new RangeError('factors: no factors given; pass at least one { name, low, high }');
  }
  const seen = new Set<string>();
  factors.forEach((factor, index) => {
    const where = `factors[${index}]`;
    if (typeof factor !== 'object' || factor === null || typeof factor.name !== 'string' || factor.name === '') {
      throw new TypeError(`${where}: has no name; use { name: 'speed', low: 0.1, high: 0.9 }`);
    }
    if (seen.has(factor.name)) {
      throw new RangeError(`${where}.name: '${factor.name}' is used twice; give every factor its own name`);
    }
    seen.add(factor.name);
    if ('inverseCdf' in factor) {
      if (typeof factor.inverseCdf !== 'function') {
        throw new TypeError(`${where}.inverseCdf: is not a function; pass a quantile function u ↦ x`);
      }
      return;
    }
    const { low, high } = factor;
    if (typeof low !== 'number' || typeof high !== 'number') {
      throw new TypeError(`${where} (${factor.name}): low and high must be numbers; use e.g. { low: 0.1, high: 0.9 }`);
    }
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
      throw new RangeError(
        `${where} (${factor.name}): low ${low} and high ${high} do not make a range; use finite bounds with low < high`,
      );
    }
  });
}

/**
 * Map a point of the unit interval to a factor's value: `low + u·(high − low)` for a uniform factor,
 * `inverseCdf(u)` for a distributed one.
 *
 * @param factor - the factor
 * @param u - a probability in `[0, 1]`
 * @returns the factor's value, in its own unit
 * @throws {RangeError} when a distributed factor's `inverseCdf(u)` is not finite
 * @example factorValue({ name: 'x', low: -1, high: 3 }, 0.25) // → 0
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2 (inverse-transform sampling)
 */
export function factorValue(factor: Factor, u: number): number {
  if (!('inverseCdf' in factor)) return factor.low + u * (factor.high - factor.low);
  const value = factor.inverseCdf(u);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `${factor.name}: inverseCdf(${u}) is ${String(value)}; return a finite value for every u in (0, 1)` +
        (u === 0 || u === 1 ? ', or keep the sample off the bounds (e.g. skip ≥ 1)' : ''),
    );
  }
  return value;
}

/**
 * Map unit-cube points to factor values in place of a new array, column `j` through factor `j`.
 *
 * @param factors - the `k` factors
 * @param unit - row-major points in `[0, 1]^k`
 * @returns row-major factor values, same shape
 * @throws {RangeError} when an `inverseCdf` returns a value that is not finite
 * @example Array.from(mapUnitPoints([{ name: 'x', low: 0, high: 10 }], Float64Array.of(0.5))) // → [5]
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2
 */
export function mapUnitPoints(factors: readonly Factor[], unit: Float64Array): Float64Array {
  const k = factors.length;
  const values = new Float64Array(unit.length);
  for (let offset = 0; offset < unit.length; offset += k) {
    for (let j = 0; j < k; j++) values[offset + j] = factorValue(factors[j] as Factor, unit[offset + j] ?? 0);
  }
  return values;
}
