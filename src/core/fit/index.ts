export { type DemandRow, type DemandRows, demandRows, exposureToRussia, lastBurdenYear } from './demand-rows.js';
export { type AlliesFit, type AlliesSpecification, fitAllies, type StructuralEstimate } from './fit-allies.js';
export {
  type ActorResponse,
  DEMAND_SPECIFICATIONS,
  type DemandFit,
  type DemandFitOptions,
  type DemandSpecificationId,
  fitDemand,
  SPECIFICATION_LABELS,
} from './fit-demand.js';
export { fitPooledDemand, type PooledDemandFit, type PooledEstimate, type PooledFitOptions } from './fit-pooled.js';
export {
  fitRichardson,
  fitRichardsonSum,
  type RichardsonFit,
  type RichardsonFitOptions,
  type RichardsonSumFit,
} from './fit-richardson.js';
export { fitRussia, type RussiaFit, WAR_FROM } from './fit-russia.js';
export { type GrangerOptions, type GrangerReport, grangerTest } from './granger-test.js';
export { halfPanelJackknife } from './half-panel-jackknife.js';
export { type HistoricalPanel, type HistoricalPanelOptions, historicalPanel } from './historical-exposures.js';
export { BLOC_NAMES, spendingSeries } from './named-series.js';
export { type AlignedSeries, alignSeries, type YearSeries } from './year-series.js';
