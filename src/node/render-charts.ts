import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import type { ChartDocument, ChartElement } from '../core/charts/chart-spec.js';
import { CHARTS } from '../core/charts/charts.js';
import { chartFileName, PNG_SCALE } from '../core/charts/file-names.js';
import type { SimulationResult } from '../core/simulate.js';

export { PNG_SCALE };

/** Options of `renderCharts`. */
export interface RenderChartsOptions {
  /** `svg` gives text, `png` gives bytes rasterised by resvg. */
  readonly format: 'svg' | 'png';
  /** A comparison run drawn dashed by the charts that support it. */
  readonly baseline?: SimulationResult | undefined;
  /** Width of each chart in px; default 960. */
  readonly width?: number | undefined;
  /** Height of each chart in px; default 540. */
  readonly height?: number | undefined;
  /** Ids of the charts to render, in the registry's order; default all. */
  readonly only?: readonly string[] | undefined;
}

/** One rendered chart. */
export interface RenderedChart {
  readonly id: string;
  readonly title: string;
  /** File name, e.g. `allies-burden.svg`. */
  readonly file: string;
  /** SVG text, or PNG bytes. */
  readonly content: string | Uint8Array;
}

/** Family resvg uses for `sans-serif`: installed with Debian's fonts-dejavu-core. */
export const PNG_FONT_FAMILY = 'DejaVu Sans';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Return a fresh linkedom document to build charts in, without a browser.
 *
 * @example chartDocument().createElementNS('http://www.w3.org/2000/svg', 'svg')
 */
export function chartDocument(): ChartDocument {
  const window = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  return window.document as unknown as ChartDocument;
}

/**
 * Serialise a chart element to a standalone SVG file (XML declaration, `xmlns`).
 *
 * @param svg The `<svg>` element built by a chart.
 * @example serialiseSvg(CHARTS[0].build(result, { document: chartDocument() })).startsWith('<?xml') // true
 */
export function serialiseSvg(svg: unknown): string {
  const element = svg as { setAttribute(name: string, value: string): void; outerHTML: string };
  element.setAttribute('xmlns', SVG_NS);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element.outerHTML}\n`;
}

/**
 * Rasterise an SVG text to PNG with resvg, text in the system's fonts (`sans-serif` as DejaVu Sans).
 *
 * @param svg A standalone SVG text.
 * @param width Width of the PNG in px (the chart's width times {@link PNG_SCALE} for a chart file).
 * @throws {Error} from resvg when the SVG cannot be parsed.
 * @example svgToPng(svgText, 960).subarray(1, 4) // 'PNG' in bytes
 */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}

/**
 * Build one chart of a registry (`{ id, title, build }`) for `input` and serialise it: SVG text, or
 * PNG bytes rasterised by resvg at {@link PNG_SCALE} times the chart's size, as the page saves them.
 *
 * @param chart The chart's registry entry.
 * @param input What it draws: a run, an ensemble, a sensitivity analysis.
 * @param format `svg` or `png`.
 * @param options The chart's build options (size and its own), without the document.
 * @throws {RangeError} for an unknown format, or a size that leaves no room for the chart.
 * @example renderChart(CHARTS[0], result, 'svg', { width: 960, height: 540 }).file // 'allies-burden.svg'
 */
export function renderChart<R, O extends { readonly width: number; readonly height: number }>(
  chart: {
    readonly id: string;
    readonly title: string;
    readonly build: (input: R, options: O & { readonly document: ChartDocument }) => ChartElement;
  },
  input: R,
  format: 'svg' | 'png',
  options: O,
): RenderedChart {
  if (format !== 'svg' && format !== 'png') {
    throw new RangeError(`format "${String(format)}" is not supported; use "svg" or "png"`);
  }
  const svg = serialiseSvg(chart.build(input, { ...options, document: chartDocument() }));
  return {
    id: chart.id,
    title: chart.title,
    file: chartFileName(chart.id, format),
    content: format === 'svg' ? svg : svgToPng(svg, options.width * PNG_SCALE),
  };
}

/**
 * Render the charts of a simulated run in Node, without a browser: SVG through linkedom, PNG through resvg.
 *
 * @param result The simulated run.
 * @param options Format, baseline run, size in px (960×540) and the chart ids to render.
 * @throws {RangeError} for an unknown chart id in `only`, or a size that leaves no room for a chart.
 * @example renderCharts(result, { format: 'svg', only: ['allies-burden'] })[0].file // 'allies-burden.svg'
 */
export function renderCharts(result: SimulationResult, options: RenderChartsOptions): RenderedChart[] {
  const { format, baseline } = options;
  const width = options.width ?? 960;
  const height = options.height ?? 540;
  if (format !== 'svg' && format !== 'png') {
    throw new RangeError(`renderCharts: format "${String(format)}" is not supported; use "svg" or "png"`);
  }
  const known = CHARTS.map((c) => c.id);
  for (const id of options.only ?? []) {
    if (!known.includes(id)) {
      throw new RangeError(`renderCharts: chart "${id}" does not exist; use one of ${known.join(', ')}`);
    }
  }
  const charts = options.only === undefined ? CHARTS : CHARTS.filter((c) => options.only?.includes(c.id));
  return charts.map((chart) => renderChart(chart, result, format, { baseline, width, height }));
}
