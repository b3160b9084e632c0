/**
 * Argument checks shared by the solvers and the dense linear algebra. Each throws a `TypeError`
 * for a value of the wrong kind and a `RangeError` for a value out of range, with a message that
 * names the argument, shows the value and says what is accepted.
 */

/**
 * Render a value for an error message: numbers as written, other things by their kind.
 *
 * @param value - anything
 * @returns a short description
 * @throws nothing
 * @example describeValue(Number.NaN) // → 'NaN'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (value instanceof Float64Array) return `a Float64Array of length ${value.length}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/**
 * Check that `value` is a finite number.
 *
 * @param name - the argument's name as the caller knows it, e.g. `t0`
 * @param value - the value to check
 * @throws {TypeError} when `value` is not a number
 * @throws {RangeError} when `value` is `NaN` or infinite
 * @example checkFinite('t0', 0) // → undefined (no throw)
 */
export function checkFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name}: ${describeValue(value)} is not a number; use a finite number`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name}: ${describeValue(value)} is not finite; use a finite number`);
  }
}

/**
 * Check that `value` is a finite number greater than zero.
 *
 * @param name - the argument's name, e.g. `stepYears`
 * @param value - the value to check
 * @param hint - what a good value looks like, e.g. `a step in years such as 1/12`
 * @throws {TypeError} when `value` is not a number
 * @throws {RangeError} when `value` is `NaN`, infinite, zero or negative
 * @example checkPositive('stepYears', 1 / 12, 'a step in years such as 1/12') // → undefined
 */
export function checkPositive(name: string, value: unknown, hint: string): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name}: ${describeValue(value)} is not a number; use ${hint}`);
  }
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name}: ${describeValue(value)} is not a positive finite number; use ${hint}`);
  }
}

/**
 * Check that `value` is a `Float64Array`, optionally of a given length.
 *
 * @param name - the argument's name, e.g. `y0`
 * @param value - the value to check
 * @param length - the required length, or `undefined` for any length
 * @throws {TypeError} when `value` is not a `Float64Array`
 * @throws {RangeError} when its length differs from `length`
 * @example checkVector('y0', new Float64Array(2), 2) // → undefined
 */
export function checkVector(name: string, value: unknown, length?: number): asserts value is Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new TypeError(`${name}: ${describeValue(value)} is not a Float64Array; pass the values as a Float64Array`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${name}: length ${value.length} does not match the system size; use length ${length}`);
  }
}

/**
 * Check that `matrix` is a row-major `n × n` `Float64Array` with finite entries.
 *
 * @param name - the argument's name, e.g. `matrix`
 * @param matrix - the value to check
 * @param n - the order of the matrix
 * @throws {TypeError} when `matrix` is not a `Float64Array`
 * @throws {RangeError} when `n` is not a non-negative integer, the length is not `n * n`, or an entry is not finite
 * @example checkSquareMatrix('matrix', new Float64Array(4), 2) // → undefined
 */
export function checkSquareMatrix(name: string, matrix: unknown, n: number): asserts matrix is Float64Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n: ${describeValue(n)} is not a matrix order; use a non-negative integer`);
  }
  if (!(matrix instanceof Float64Array)) {
    throw new TypeError(`${name}: ${describeValue(matrix)} is not a Float64Array; pass a row-major Float64Array`);
  }
  if (matrix.length !== n * n) {
    throw new RangeError(`${name}: length ${matrix.length} does not fit an ${n} × ${n} matrix; use length ${n * n}`);
  }
  for (let i = 0; i < matrix.length; i++) {
    const v = matrix[i] as number;
    if (!Number.isFinite(v)) {
      const row = Math.floor(i / n);
      throw new RangeError(`${name}[${row}, ${i - row * n}]: ${describeValue(v)} is not finite; use finite entries`);
    }
  }
}

/**
 * Check that requested output times are finite, non-decreasing and inside `[t0, t1]`.
 *
 * @param outputTimes - the requested times, years
 * @param t0 - start of the interval, years
 * @param t1 - end of the interval, years
 * @throws {TypeError} when `outputTimes` is not a `Float64Array`
 * @throws {RangeError} when a time is not finite, decreases, or falls outside `[t0, t1]`
 * @example checkOutputTimes(new Float64Array([1, 2]), 0, 2) // → undefined
 */
export function checkOutputTimes(outputTimes: unknown, t0: number, t1: number): asserts outputTimes is Float64Array {
  checkVector('outputTimes', outputTimes);
  let previous = t0;
  for (let k = 0; k < outputTimes.length; k++) {
    const t = outputTimes[k] as number;
    if (!Number.isFinite(t)) {
      throw new RangeError(`outputTimes[${k}]: ${describeValue(t)} is not finite; use times in [${t0}, ${t1}]`);
    }
    if (t < t0 || t > t1) {
      throw new RangeError(`outputTimes[${k}]: ${t} is outside the interval; use times in [${t0}, ${t1}]`);
    }
    if (t < previous) {
      throw new RangeError(
        `outputTimes[${k}]: ${t} comes before outputTimes[${k - 1}] = ${previous}; sort the times in increasing order`,
      );
    }
    previous = t;
  }
}

/**
 * Check the integration interval: both ends finite and `t1 ≥ t0`.
 *
 * @param t0 - start, years
 * @param t1 - end, years
 * @throws {TypeError} when an end is not a number
 * @throws {RangeError} when an end is not finite or `t1 < t0`
 * @example checkInterval(0, 25) // → undefined
 */
export function checkInterval(t0: unknown, t1: unknown): asserts t0 is number {
  checkFinite('t0', t0);
  checkFinite('t1', t1);
  if (t1 < t0) {
    throw new RangeError(`t1: ${t1} is before t0 = ${t0}; integrate forward in time, with t1 ≥ t0`);
  }
}
