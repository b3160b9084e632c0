export { alliesAtThresholds } from './allies-at-thresholds.js';
export { alliesBurden, allyLineCount, BURDEN_RULES, HIGHLIGHTED_ALLIES, median } from './allies-burden.js';
export { balance } from './balance.js';
export { blocSpending } from './bloc-spending.js';
export type {
  ChartBuildOptions,
  ChartDefinition,
  ChartDocument,
  ChartElement,
  ChartPlotOptions,
  ChartSpec,
  ChartSpecOptions,
} from './chart-spec.js';
export { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './chart-spec.js';
export { CHARTS } from './charts.js';
export { CHART_FONT_FAMILY, type ChartLayout, chartLayout, composeChart, wrapText } from './compose-chart.js';
export { type LabelledSeries, type LabelScale, type LineLabel, lineLabels, valueDomain } from './line-labels.js';
export { logTicks } from './log-ticks.js';
export * from './map/index.js';
export { ACTOR_COLORS, colorOf } from './palette.js';
export { RACE_INTENSITY_NOTE, raceIntensity } from './race-intensity.js';
export { RUSSIA_CONTEXT, russiaBurden } from './russia-burden.js';
export { SECURITY_ACTORS, securityRatio } from './security-ratio.js';
export { SENSITIVITY_CHART, type SensitivityBar, sensitivityBars, sensitivityIndices } from './sensitivity-indices.js';
export { baselineNote, sourceNote, yearSpan } from './source-note.js';
export { type YearAxis, yearAxis } from './year-axis.js';
