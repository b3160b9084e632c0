import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { defineChart } from '../compose-chart.js';
import { eventProbabilities } from './event-probabilities.js';
import { fanAlliesAtThresholds } from './fan-allies-at-thresholds.js';
import { fanBalance } from './fan-balance.js';
import { fanBlocSpending } from './fan-bloc-spending.js';
import { fanNatoBurden } from './fan-nato-burden.js';
import { fanRussiaBurden } from './fan-russia-burden.js';
import type { EnsembleChartDefinition, EnsembleChartSpecOptions } from './types.js';

const define = (
  id: string,
  title: string,
  spec: (result: EnsembleResult, options?: EnsembleChartSpecOptions) => ChartSpec,
) => defineChart<EnsembleResult, EnsembleChartSpecOptions>(id, title, spec);

/** Every chart of an ensemble, in reading order. */
export const ENSEMBLE_CHARTS: readonly EnsembleChartDefinition[] = [
  define('fan-russia-burden', "Russia's military burden: range of outcomes", fanRussiaBurden),
  define('fan-nato-burden', "NATO's military burden: range of outcomes", fanNatoBurden),
  define('fan-bloc-spending', 'Military spending by bloc: range of outcomes', fanBlocSpending),
  define('fan-balance', 'Balance of military capability: range of outcomes', fanBalance),
  define('fan-allies-at-thresholds', 'Allies meeting the spending targets: range of outcomes', fanAlliesAtThresholds),
  define('event-probabilities', 'Probabilities of events', eventProbabilities),
];

export {
  ensembleSpan,
  eventSourceNote,
  type FanBands,
  fanSourceNote,
  formatPercent,
  membersNote,
  variationNote,
} from './ensemble-note.js';
export { type EventBar, eventBars, eventProbabilities } from './event-probabilities.js';
export { fanAlliesAtThresholds } from './fan-allies-at-thresholds.js';
export { fanBalance } from './fan-balance.js';
export { fanBlocSpending } from './fan-bloc-spending.js';
export { fanNatoBurden, NATO_FAN_COLORS } from './fan-nato-burden.js';
export { fanRussiaBurden } from './fan-russia-burden.js';
export {
  type EnsembleSeries,
  type Fan,
  type FanLine,
  type FanSpecInput,
  fanOf,
  fanSpec,
  findSeries,
} from './fan-spec.js';
export type { EnsembleChartBuildOptions, EnsembleChartDefinition, EnsembleChartSpecOptions } from './types.js';
