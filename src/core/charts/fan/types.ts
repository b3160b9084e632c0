import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartDocument, ChartElement, ChartSpec } from '../chart-spec.js';

/** Options of an ensemble chart specification. */
export interface EnsembleChartSpecOptions {
  /** Width of the whole chart in px; default 960. */
  readonly width?: number | undefined;
  /** Height of the whole chart in px; default 540. */
  readonly height?: number | undefined;
  /** Add pointer tooltips with the median and the 5–95 % range (for a page). */
  readonly interactive?: boolean | undefined;
}

/** Options to build an ensemble chart into elements of `document`. */
export interface EnsembleChartBuildOptions extends EnsembleChartSpecOptions {
  readonly document: ChartDocument;
}

/** One entry of the ensemble chart registry. */
export interface EnsembleChartDefinition {
  readonly id: string;
  readonly title: string;
  /** Describe the chart for an ensemble without creating any element. */
  readonly spec: (result: EnsembleResult, options?: EnsembleChartSpecOptions) => ChartSpec;
  /** Build the chart as one standalone `<svg>` element (title, subtitle, panel and caption). */
  readonly build: (result: EnsembleResult, options: EnsembleChartBuildOptions) => ChartElement;
}
