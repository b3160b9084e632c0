import type { DemandModel } from '../model/demand.js';
import { eigenvalues } from '../solve/eigenvalues.js';

/** The stability report at one state. */
export interface StabilityReport {
  readonly year: number;
  /** Largest real part of the Jacobian's eigenvalues, 1/years; positive = a runaway race. */
  readonly margin: number;
  /** Imaginary part of that eigenvalue (non-zero: oscillating). */
  readonly imaginary: number;
}

/**
 * The stability margin of the demand model at state `y` and time `t`: the largest real part of the
 * eigenvalues of the numerical Jacobian (central differences, relative step 1e-6).
 *
 * @example stabilityMargin(model, model.start, model.initialState).margin // e.g. -0.1
 */
export function stabilityMargin(model: DemandModel, t: number, y: Float64Array): StabilityReport {
  const size = y.length;
  const jacobian = new Float64Array(size * size);
  const plus = new Float64Array(size);
  const minus = new Float64Array(size);
  const probe = y.slice();
  for (let j = 0; j < size; j++) {
    const h = 1e-6 * Math.max(Math.abs(y[j] as number), 1e-6);
    probe[j] = (y[j] as number) + h;
    model.derivative(t, probe, plus);
    probe[j] = (y[j] as number) - h;
    model.derivative(t, probe, minus);
    probe[j] = y[j] as number;
    for (let i = 0; i < size; i++) jacobian[i * size + j] = ((plus[i] as number) - (minus[i] as number)) / (2 * h);
  }
  const values = eigenvalues(jacobian, size);
  return { year: t, margin: values.real[0] as number, imaginary: values.imaginary[0] as number };
}
