import type * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../simulate.js';

/**
 * The few DOM element methods the charts use. A browser `Element` and a linkedom element both fit,
 * so the chart code needs neither the DOM library nor Node.
 */
export interface ChartElement {
  setAttribute(name: string, value: string): void;
  appendChild(child: ChartElement): unknown;
  textContent: string | null;
}

/** The owner document the charts create elements with: the page's own in a browser, or linkedom's in Node. */
export interface ChartDocument {
  createElementNS(namespace: string, qualifiedName: string): ChartElement;
}

/** Plot options a chart specifies; the document and the size come when it is built. */
export type ChartPlotOptions = Omit<Plot.PlotOptions, 'document' | 'width' | 'height'>;

/** A chart as data: the texts around it and the Plot options of its panel. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  /** Paragraphs below the chart, the source note last. */
  readonly caption: readonly string[];
  readonly plot: ChartPlotOptions;
}

/** Options of a chart specification. */
export interface ChartSpecOptions {
  /** A comparison run, drawn dashed by the charts that support it. */
  readonly baseline?: SimulationResult | undefined;
  /** Width of the whole chart in px; default 960. */
  readonly width?: number | undefined;
  /** Height of the whole chart in px; default 540. */
  readonly height?: number | undefined;
  /** Add pointer tooltips with the exact values (for a page; static images leave them out). */
  readonly interactive?: boolean | undefined;
}

/** Options to build a chart into elements of `document`. */
export interface ChartBuildOptions extends ChartSpecOptions {
  readonly document: ChartDocument;
}

/** One entry of the chart registry. */
export interface ChartDefinition {
  readonly id: string;
  readonly title: string;
  /** Describe the chart for a result without creating any element. */
  readonly spec: (result: SimulationResult, options?: ChartSpecOptions) => ChartSpec;
  /** Build the chart as one standalone `<svg>` element (title, subtitle, panel and caption). */
  readonly build: (result: SimulationResult, options: ChartBuildOptions) => ChartElement;
  /**
   * Whether the chart draws the `baseline` option's run (dashed, and named in its subtitle); a
   * chart that does not is the same with any baseline or none.
   */
  readonly drawsBaseline: boolean;
}

/** Default chart size in px: readable on a 960×540 slide. */
export const DEFAULT_CHART_WIDTH = 960;
export const DEFAULT_CHART_HEIGHT = 540;
