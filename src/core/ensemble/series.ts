import type { integrateAnnual } from '../model/annual-means.js';
import type { DemandModel } from '../model/demand/index.js';
import { OUTPUTS, type OutputDefinition, outputIndex } from '../outputs/catalogue.js';
import { reduceRun } from '../outputs/reduce.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';

/** Per member and year, the value of every tracked series. */
export interface SeriesDefinition {
  readonly name: string;
  readonly unit: string;
  readonly count?: boolean;
}

/** The catalogued outputs an ensemble tracks beyond each actor's burden. */
export const ENSEMBLE_OUTPUTS = [
  'NATO.spending',
  'NATO.burden',
  'NATO_EUR_CAN.spending',
  'NATO_EUR_CAN.burden',
  'RUS_BLOC.spending',
  'RUS_BLOC.burden',
  'balance',
  'RUS.security_ratio',
  'race_intensity',
  'allies_at_2',
  'allies_at_3.5',
  'allies_short_of_3.5',
] as const;

export function seriesDefinitions(scenario: ResolvedScenario): SeriesDefinition[] {
  return [
    ...scenario.actors.map((a) => ({ name: `${a.iso3}.burden`, unit: 'share of GDP' })),
    ...ENSEMBLE_OUTPUTS.map((id) => {
      const o = OUTPUTS[outputIndex(id)] as OutputDefinition;
      return { name: id, unit: o.unit, ...(o.count ? { count: true } : {}) };
    }),
  ];
}

/**
 * Compute every series of every member of a chunk into `out[(s·M + m)·Y + y]`: each actor's burden,
 * then the catalogued outputs of {@link reduceRun}, the reduction the deterministic run uses too.
 */
export function computeSeries(
  model: DemandModel,
  scenario: ResolvedScenario,
  annual: ReturnType<typeof integrateAnnual>,
  defs: readonly SeriesDefinition[],
  out: Float64Array,
): void {
  const { n, members: M } = model;
  const Y = annual.years;
  for (let i = 0; i < n; i++)
    for (let m = 0; m < M; m++)
      for (let y = 0; y < Y; y++) {
        const c = (i * M + m) * Y + y;
        out[c] = (annual.spending[c] as number) / (annual.gdp[c] as number);
      }
  const reduced = reduceRun(model, scenario, annual);
  for (let s = n; s < defs.length; s++) {
    const k = outputIndex((defs[s] as SeriesDefinition).name);
    out.set(reduced.subarray(k * M * Y, (k + 1) * M * Y), s * M * Y);
  }
}
