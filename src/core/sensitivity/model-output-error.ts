import { ArmsraceError } from '../errors.js';

/** A model returned `NaN` or an infinite value at a point of a sensitivity design. Code `non-finite-model-output`. */
export class ModelOutputError extends ArmsraceError {
  /** Index of the run (row of the design) that failed, from 0. */
  readonly run: number;
  /** Name of the output that was not finite. */
  readonly output: string;
  /** The factor values at that run, in factor order. */
  readonly x: Float64Array;
  /** The value returned. */
  readonly value: number;

  constructor(message: string, run: number, output: string, x: Float64Array, value: number) {
    super('non-finite-model-output', message, `run ${run}`);
    this.run = run;
    this.output = output;
    this.x = x;
    this.value = value;
  }
}
