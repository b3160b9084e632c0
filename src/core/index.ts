export { type HaguePath, type HaguePathOptions, type HaguePathRow, haguePath } from './analyze/hague-path.js';
export {
  type PledgeReport,
  type PledgeReportOptions,
  type PledgeRow,
  type PledgeTotal,
  pledgeReport,
} from './analyze/pledge-report.js';
export { type BurdenSource, resolveSource } from './analyze/pledge-source.js';
export { buildSeries, type Point } from './data/build-series.js';
export { Dataset, type DatasetData, lastYear, observationAt, observations, type SeriesQuery } from './data/dataset.js';
export { DEFAULT_USD_INFLATION, type GdpPath, type GdpPathOptions, gdpPath } from './data/gdp-path.js';
export { loadDataset } from './data/load-dataset.js';
export { PLEDGES, type PledgeDefinition, pledgeById } from './data/pledges.js';
export * from './data/types.js';
export { ArmsraceError, DataFileError, InputError } from './errors.js';
export { parseShare } from './units.js';
