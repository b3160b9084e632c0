/**
 * The Node side of armsrace (`import … from 'armsrace/node'`): what needs the file system, worker
 * threads or SQLite. Everything else is in the pure core (`import … from 'armsrace'`).
 */
export { type ParallelEnsembleOptions, runEnsembleParallel } from './ensemble-pool.js';
export { PNG_SCALE, type RenderChartsOptions, type RenderedChart, renderCharts, svgToPng } from './render-charts.js';
export {
  type RenderEnsembleChartsOptions,
  renderEnsembleCharts,
  renderSensitivityChart,
} from './render-ensemble-charts.js';
export { listPresets, type Preset, readScenario } from './scenario-file.js';
export {
  defaultStorePath,
  openStore,
  type SavedScenario,
  type ScenarioStore,
  type ScenarioSummary,
  type StoredResult,
  StoreError,
  type StoreHealth,
  type StoreOptions,
  StoreUnavailableError,
} from './store.js';
export { defaultDataDir, type ImportReport, importIntoDataDir, loadUserDataset } from './user-data.js';
export {
  type PoolTask,
  type TaskContext,
  type TaskDone,
  type TaskOptions,
  WorkerPool,
  WorkerPoolError,
  type WorkerPoolOptions,
} from './worker-pool.js';
export { readWorldTopology, renderAllianceMap, type WorldDetail } from './world-map.js';
