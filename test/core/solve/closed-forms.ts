/**
 * Test systems with closed-form solutions (docs/model.md §2, §7): each gives the derivative in the
 * solvers' convention and the exact state at time t.
 */
import type { Derivative } from '../../../src/core/solve/index.js';

export interface ClosedForm {
  readonly name: string;
  readonly y0: Float64Array;
  readonly f: Derivative;
  readonly exact: (t: number) => Float64Array;
}

/** dy/dt = −λy → y = y0·e^{−λt}. */
export function exponentialDecay(rate: number, y0 = 1): ClosedForm {
  return {
    name: `exponential decay at ${rate}/year`,
    y0: Float64Array.of(y0),
    f: (_t, y, out) => {
      out[0] = -rate * (y[0] as number);
    },
    exact: (t) => Float64Array.of(y0 * Math.exp(-rate * t)),
  };
}

/** Partial adjustment ds/dt = λ(s* − s) → s(t) = s* + (s0 − s*)e^{−λt} (docs/model.md §2). */
export function partialAdjustment(speed: number, target: number, s0: number): ClosedForm {
  return {
    name: `partial adjustment at ${speed}/year toward ${target}`,
    y0: Float64Array.of(s0),
    f: (_t, s, out) => {
      out[0] = speed * (target - (s[0] as number));
    },
    exact: (t) => Float64Array.of(target + (s0 - target) * Math.exp(-speed * t)),
  };
}

/** Capability under constant spending dK/dt = φM − δK → K(t) = φM/δ + (K0 − φM/δ)e^{−δt} (docs/model.md §2). */
export function capabilityStock(share: number, spendingUsd: number, depreciation: number, k0: number): ClosedForm {
  const steady = (share * spendingUsd) / depreciation;
  return {
    name: `capability with φ=${share}, M=${spendingUsd}, δ=${depreciation}`,
    y0: Float64Array.of(k0),
    f: (_t, k, out) => {
      out[0] = share * spendingUsd - depreciation * (k[0] as number);
    },
    exact: (t) => Float64Array.of(steady + (k0 - steady) * Math.exp(-depreciation * t)),
  };
}

/** Harmonic oscillator y'' = −ω²y, y(0) = 1, y'(0) = 0 → (cos ωt, −ω sin ωt). */
export function harmonicOscillator(omega: number): ClosedForm {
  return {
    name: `harmonic oscillator at ω=${omega}`,
    y0: Float64Array.of(1, 0),
    f: (_t, y, out) => {
      out[0] = y[1] as number;
      out[1] = -omega * omega * (y[0] as number);
    },
    exact: (t) => Float64Array.of(Math.cos(omega * t), -omega * Math.sin(omega * t)),
  };
}

/** Largest absolute difference divided by the largest absolute exact value. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / scale;
}
