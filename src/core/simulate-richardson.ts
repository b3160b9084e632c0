import {
  type RichardsonParameters,
  richardsonDerivative,
  richardsonEquilibrium,
  richardsonSolution,
  richardsonStability,
} from './model/richardson.js';
import { DEFAULTS } from './scenario/defaults.js';
import { ScenarioError } from './scenario/parse-scenario.js';
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
 * @throws {ScenarioError} when the scenario has no `richardson` block.
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
  const start = input.start ?? DEFAULTS.start;
  const end = input.end ?? start + 25;
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
  const outputs =
    input.solver === 'dopri'
      ? integrateDormandPrince(f, x0, start, end, { outputTimes: times, rtol: 1e-10, atol: 1e-12 }).outputs
      : integrateRk4(f, x0, start, end, { stepYears: input.step_years ?? 1 / 12, outputTimes: times }).outputs;
  const exact = years.map((y) => richardsonSolution(parameters, x0, y - start));
  const stability = richardsonStability(parameters);
  const equilibrium = richardsonEquilibrium(parameters);
  return {
    model: 'richardson',
    name: input.name ?? 'Richardson model',
    years,
    actors: r.actors.map((name, i) => ({
      name,
      level: years.map((_, k) => outputs[k * n + i] as number),
      exact: exact.map((x) => x[i] as number),
    })),
    equilibrium: equilibrium === undefined ? null : Array.from(equilibrium),
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
