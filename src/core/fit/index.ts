export { type DemandFit, type DemandFitOptions, fitDemand, type StructuralEstimate } from './fit-demand.js';
export {
  fitRichardson,
  fitRichardsonSum,
  type RichardsonFit,
  type RichardsonFitOptions,
  type RichardsonSumFit,
} from './fit-richardson.js';
export { type GrangerOptions, type GrangerReport, grangerTest } from './granger-test.js';
export { type HistoricalPanel, type HistoricalPanelOptions, historicalPanel } from './historical-exposures.js';
export { BLOC_NAMES, spendingSeries } from './named-series.js';
export { type AlignedSeries, alignSeries, type YearSeries } from './year-series.js';
