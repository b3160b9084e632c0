import {
  type RichardsonParameters,
  richardsonDerivative,
  richardsonEquilibrium,
  richardsonSolution,
  richardsonStability,
} from './model/richardson.js';
import { ScenarioError, scenarioError } from './scenario/parse-scenario.js';
import { runSpan } from './scenario/run-span.js';
import type { ScenarioInput } from './scenario/schema.js';
import { integrateDormandPrince } from './solve/dormand-prince.js';
import { integrateRk4 } from './solve/rk4.js';

/** Results of a classic Richardson scenario: levels per actor at the start of each year. */
export interface RichardsonRun {
  readonly model: 'richardson';
  readonly name: string;
  readonly years: readonly number[];
  readonly actors: readonly {
    readonly name: string;
    readonly level: readonly number[];
    readonly exact: readonly number[];
  }[];
  /** `x* = −(R − A)⁻¹ g`, or `null` when `R − A` is singular. */
  readonly equilibrium: readonly number[] | null;
  readonly stability: {
    readonly margin: number;
    readonly stable: boolean;
    readonly eigenvalues: readonly { re: number; im: number }[];
  };
  readonly solver: string;
}

/**
 * Run the classic Richardson model `dx/dt = R x − A x + g` of a scenario's `richardson` block
 * with the chosen solver, beside the closed-form solution by the matrix exponential.
 *
 * @throws {ScenarioError} when the scenario has no `richardson` block, or its run leaves the range of
 *   finite numbers (naming `scenario.richardson.reaction`, or the solver that cannot integrate it).
 * @example simulateRichardson(parseScenario(yaml)).stability.stable // true when a1·a2 > k1·k2
 */
export function simulateRichardson(input: ScenarioInput): RichardsonRun {
  const r = input.richardson;
  if (r === undefined) {
    throw new ScenarioError([
      {
        path: 'scenario.richardson',
        value: undefined,
        message:
          'scenario.richardson: missing; model: richardson needs actors, reaction, fatigue, grievance and initial',
      },
    ]);
  }
  const { start, end } = runSpan(input);
  if (!(end > start)) throw scenarioError('scenario.end', end, `${end} is not after start ${start}; set a later end`);
  const n = r.actors.length;
  const parameters: RichardsonParameters = {
    reactionMatrix: Float64Array.from(r.reaction.flat()),
    fatigueRate: Float64Array.from(r.fatigue),
    grievance: Float64Array.from(r.grievance),
  };
  const x0 = Float64Array.from(r.initial);
  const years = Array.from({ length: end - start + 1 }, (_, k) => start + k);
  const times = Float64Array.from(years);
  const f = richardsonDerivative(parameters);
  let outputs: Float64Array;
  try {
    outputs =
      input.solver === 'dopri'
        ? integrateDormandPrince(f, x0, start, end, { outputTimes: times, rtol: 1e-10, atol: 1e-12 }).outputs
        : integrateRk4(f, x0, start, end, { stepYears: input.step_years ?? 1 / 12, outputTimes: times }).outputs;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw scenarioError(
      'scenario.solver',
      input.solver ?? 'rk4',
      `${input.solver ?? 'rk4'} could not integrate this system (${error.message.split(';')[0]}); lower the reactions or fatigue, or use the other solver`,
    );
  }
  const exact = years.map((y) => richardsonSolution(parameters, x0, y - start));
  const stability = richardsonStability(parameters);
  const equilibrium = richardsonEquilibrium(parameters);
  const finite = (v: ArrayLike<number>) => Array.prototype.every.call(v, (x: number) => Number.isFinite(x));
  if (
    !finite(outputs) ||
    !exact.every(finite) ||
    !finite(stability.eigenvalues.real) ||
    !finite(stability.eigenvalues.imaginary)
  ) {
    const k = years.findIndex(
      (_, j) => !finite(outputs.subarray(j * n, (j + 1) * n)) || !finite(exact[j] as Float64Array),
    );
    throw scenarioError(
      'scenario.richardson.reaction',
      stability.margin,
      `the levels leave the finite numbers${k >= 0 ? ` in ${years[k]}` : ''} (the system grows as e^(${stability.margin.toPrecision(3)}·t)); lower the reactions, raise the fatigue or end earlier`,
    );
  }
  return {
    model: 'richardson',
    name: input.name ?? 'Richardson model',
    years,
    actors: r.actors.map((name, i) => ({
      name,
      level: years.map((_, k) => outputs[k * n + i] as number),
      exact: exact.map((x) => x[i] as number),
    })),
    // A singular or nearly singular R − A has no equilibrium a number can hold.
    equilibrium: equilibrium === undefined || !finite(equilibrium) ? null : Array.from(equilibrium),
    stability: {
      margin: stability.margin,
      stable: stability.stable,
      eigenvalues: Array.from(stability.eigenvalues.real, (re, k) => ({
        re,
        im: stability.eigenvalues.imaginary[k] as number,
      })),
    },
    solver: input.solver ?? 'rk4',
  };
}
