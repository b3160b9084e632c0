/**
 * The library (`import … from 'armsrace'`): the dataset, scenarios, runs, ensembles, fits, the
 * validation and the analyses. The numerical building blocks are in `armsrace/numerics`, the chart
 * specifications in `armsrace/charts`, what needs Node in `armsrace/node`.
 */
export { type Backcast, type BackcastRow, backcast } from './analyze/backcast.js';
export * from './analyze/claims/index.js';
export {
  boundarySegment,
  DEFAULT_DETERRENCE,
  type DeterrenceBoundary,
  type DeterrenceParameters,
  type DeterrencePosition,
  type DeterrenceRegion,
  deterrenceBoundaries,
  deterrenceParameters,
  deterrencePosition,
  mutualDeterrenceVertex,
} from './analyze/deterrence.js';
export { type HaguePath, type HaguePathOptions, type HaguePathRow, haguePath } from './analyze/hague-path.js';
export { type Headline, type HeadlineFigure, headline } from './analyze/headline.js';
export {
  type PledgeReport,
  type PledgeReportOptions,
  type PledgeRow,
  type PledgeTotal,
  pledgeReport,
} from './analyze/pledge-report.js';
export { type BurdenSource, resolveSource } from './analyze/pledge-source.js';
export { type BlocSeries, blocSeries } from './data/bloc-series.js';
export { buildSeries, type Point } from './data/build-series.js';
export { Dataset, type DatasetData, lastYear, observationAt, observations, type SeriesQuery } from './data/dataset.js';
export { DEFAULT_USD_INFLATION, type GdpPath, type GdpPathOptions, gdpPath } from './data/gdp-path.js';
export { loadDataset } from './data/load-dataset.js';
export { PLEDGES, type PledgeDefinition, pledgeById } from './data/pledges.js';
export * from './data/types.js';
export {
  DEFAULT_EVENTS,
  type EnsembleEvent,
  type EnsembleOptions,
  type EnsembleResult,
  MAX_RUNS,
  QUANTILES,
  runEnsemble,
} from './ensemble/run-ensemble.js';
export {
  type RankedFactors,
  rankedFactors,
  type ScenarioSensitivity,
  type ScenarioSensitivityOptions,
  scenarioSensitivity,
} from './ensemble/scenario-sensitivity.js';
export { UNCERTAIN_PATHS } from './ensemble/uncertain.js';
export { ArmsraceError, DataFileError, InputError } from './errors.js';
export * from './fit/index.js';
export type { KernelChoice } from './model/annual-means.js';
export { wasmKernelStatus } from './model/demand/wasm.js';
export * from './model/index.js';
export {
  type BlocShares,
  RACE_DIRECTION,
  RACE_SHARE,
  type StabilityBloc,
  type StabilityMode,
  type StabilityReport,
  stabilityText,
} from './model/stability.js';
export { BLOCS, type BlocId, inEuropeCanada, OUTPUTS, type OutputDefinition } from './outputs/catalogue.js';
export { outputSeries } from './outputs/series.js';
export { runScenario, type ScenarioResult } from './run-scenario.js';
export { DEFAULTS } from './scenario/defaults.js';
export { parseScenario, ScenarioError, type ScenarioIssue, validateScenario } from './scenario/parse-scenario.js';
export { type NamedScenario, PRESET_SCENARIOS } from './scenario/presets.js';
export { type ResolvedScenario, resolveScenario } from './scenario/resolve-scenario.js';
export { runSpan } from './scenario/run-span.js';
export type { ScenarioInput } from './scenario/schema.js';
export {
  type SimulateOptions,
  type SimulationResult,
  type StagedRun,
  simulate,
  simulateStaged,
} from './simulate.js';
export { type RichardsonRun, simulateRichardson } from './simulate-richardson.js';
export { meetsThreshold, PUBLISHED_HALF_STEP_PCT } from './threshold.js';
export { parseShare } from './units.js';
export { type FittedDefaultsRun, fittedDefaults, specificationStability } from './validate/fitted-defaults.js';
export { type ProjectionStability, projectionStability, STABILITY_BASELINES } from './validate/projection-stability.js';
export { type Selection, type SpecificationScore, selectSpecification } from './validate/select-specification.js';
export { dieboldMariano, pledgesKnownAt, type Validation, validateForecasts } from './validate/validate-forecasts.js';
