import type { Dataset } from '../data/dataset.js';
import type { ActorResponse } from '../fit/fit-demand.js';
import type { StabilityMode } from '../model/stability.js';
import { PRESET_SCENARIOS } from '../scenario/presets.js';
import { resolveScenario } from '../scenario/resolve-scenario.js';
import { runSpan } from '../scenario/run-span.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { simulate } from '../simulate.js';

/**
 * The baselines a default response must keep stable: the scenario every run starts from (no field
 * set: the Hague pledge at the default compliance) and the status quo (2 % held). Neither states a
 * response of its own, so what they do is the default responses' doing.
 */
export const STABILITY_BASELINES: readonly { readonly id: string; readonly input: ScenarioInput }[] = [
  { id: 'default', input: {} },
  {
    id: 'status-quo',
    input: PRESET_SCENARIOS.find((p) => p.id === 'status-quo')?.input as ScenarioInput,
  },
];

/** The least stable year of one specification's responses over the baselines. */
export interface ProjectionStability {
  /** Every year of every baseline has a negative stability margin. */
  readonly stable: boolean;
  /** The baseline and year with the largest margin, and that margin (1/years) and its mode. */
  readonly worst: {
    readonly scenario: string;
    readonly year: number;
    readonly margin: number;
    readonly mode: StabilityMode;
  };
}

/**
 * Run each baseline from the latest data with the given responses (as the scenario's `response`
 * block, actor by actor) and compute the stability margin at the start of every year (docs/model.md §4).
 * The out-of-sample test scores forecasts up to ten years ahead; a projection to 2050 whose feedback
 * loop is unstable is then governed by the burden bounds (assumptions), not by that evidence. This
 * says whether that happens.
 *
 * @example projectionStability(loadDataset(), fitDemand(loadDataset(), { specification: 'exposure', draws: 0 }).responses).stable
 */
export function projectionStability(
  dataset: Dataset,
  responses: Readonly<Record<string, ActorResponse>>,
  baselines: readonly { readonly id: string; readonly input: ScenarioInput }[] = STABILITY_BASELINES,
): ProjectionStability {
  let worst: ProjectionStability['worst'] | undefined;
  for (const b of baselines) {
    const actors = new Set(resolveScenario(b.input, dataset).actors.map((a) => a.iso3));
    const response = Object.fromEntries(
      Object.entries(responses)
        .filter(([iso3]) => actors.has(iso3))
        .map(([iso3, r]) => [iso3, { elasticity: r.elasticity, spill_in: r.spill_in, speed: r.speed }]),
    );
    const input: ScenarioInput = { ...b.input, response: { ...b.input.response, ...response } };
    const { start, end } = runSpan(b.input);
    const run = simulate(input, dataset, { stabilityYears: Array.from({ length: end - start }, (_, k) => start + k) });
    for (const s of run.stability)
      if (worst === undefined || s.margin > worst.margin)
        worst = { scenario: b.id, year: s.year, margin: s.margin, mode: s.mode };
  }
  if (worst === undefined) throw new RangeError('projectionStability: no baseline to run');
  return { stable: worst.margin < 0, worst };
}
