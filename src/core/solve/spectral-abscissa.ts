import { eigenvalues } from './eigenvalues.js';

/**
 * Compute the spectral abscissa of a real square matrix: the largest real part of its eigenvalues.
 * For a Jacobian it is the stability margin — negative means small perturbations decay at that
 * rate, positive means they grow.
 *
 * Method: the eigenvalues by Hessenberg reduction and Francis double-shift QR ({@link eigenvalues};
 * Golub & Van Loan, algorithm 7.5.2).
 *
 * @param matrix - `n × n` row-major, e.g. a Jacobian in 1/years
 * @param n - the order (at least 1)
 * @returns `max_k Re λ_k`, in the matrix's units (1/years for a Jacobian)
 * @throws {TypeError|RangeError} as {@link eigenvalues}; {@link RangeError} also when `n` is 0
 * @example spectralAbscissa(Float64Array.of(-1, 2, 0, -3), 2) // → -1
 */
export function spectralAbscissa(matrix: Float64Array, n: number): number {
  if (n === 0) throw new RangeError('n: 0 leaves no eigenvalues; use a matrix of order at least 1');
  const { real } = eigenvalues(matrix, n);
  return real[0] as number;
}
