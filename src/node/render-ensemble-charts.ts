import { ENSEMBLE_CHARTS } from '../core/charts/fan/index.js';
import { FORECAST_SKILL_CHART } from '../core/charts/forecast-skill.js';
import { SENSITIVITY_CHART } from '../core/charts/sensitivity-indices.js';
import type { EnsembleResult } from '../core/ensemble/run-ensemble.js';
import type { ScenarioSensitivity } from '../core/ensemble/scenario-sensitivity.js';
import type { Validation } from '../core/validate/validate-forecasts.js';
import { type RenderedChart, renderChart } from './render-charts.js';

/** Options of `renderEnsembleCharts`. */
export interface RenderEnsembleChartsOptions {
  /** `svg` gives text, `png` gives bytes rasterised by resvg. */
  readonly format: 'svg' | 'png';
  /** Width of each chart in px; default 960. */
  readonly width?: number | undefined;
  /** Height of each chart in px; default 540. */
  readonly height?: number | undefined;
  /** Ids of the charts to render, in the registry's order; default all. */
  readonly only?: readonly string[] | undefined;
}

/**
 * Render the charts of an ensemble in Node, without a browser: SVG through linkedom, PNG through resvg.
 *
 * @param result The ensemble.
 * @param options Format, size in px (960×540) and the chart ids to render.
 * @throws {RangeError} for an unknown format or chart id in `only`, or a size that leaves no room for a chart.
 * @example renderEnsembleCharts(result, { format: 'svg', only: ['fan-balance'] })[0]?.file // 'fan-balance.svg'
 */
export function renderEnsembleCharts(result: EnsembleResult, options: RenderEnsembleChartsOptions): RenderedChart[] {
  const { format } = options;
  const width = options.width ?? 960;
  const height = options.height ?? 540;
  if (format !== 'svg' && format !== 'png') {
    throw new RangeError(`renderEnsembleCharts: format "${String(format)}" is not supported; use "svg" or "png"`);
  }
  const known = ENSEMBLE_CHARTS.map((c) => c.id);
  for (const id of options.only ?? []) {
    if (!known.includes(id)) {
      throw new RangeError(`renderEnsembleCharts: chart "${id}" does not exist; use one of ${known.join(', ')}`);
    }
  }
  const charts =
    options.only === undefined ? ENSEMBLE_CHARTS : ENSEMBLE_CHARTS.filter((c) => options.only?.includes(c.id));
  return charts.map((chart) => renderChart(chart, result, format, { width, height }));
}

/**
 * Render the bar chart of a sensitivity analysis in Node (`sensitivity-indices.svg` or `.png`).
 *
 * @param analysis The analysis.
 * @param options Format and size in px (960×540).
 * @throws {RangeError} for an unknown format, or a size that leaves no room for the chart.
 * @example renderSensitivityChart(analysis, { format: 'png' }).file // 'sensitivity-indices.png'
 */
export function renderSensitivityChart(
  analysis: ScenarioSensitivity,
  options: Pick<RenderEnsembleChartsOptions, 'format' | 'width' | 'height'>,
): RenderedChart {
  return renderChart(SENSITIVITY_CHART, analysis, options.format, {
    width: options.width ?? 960,
    height: options.height ?? 540,
  });
}

/**
 * Render the chart of forecast skill by horizon in Node (`forecast-skill.svg` or `.png`).
 *
 * @example renderSkillChart(validateForecasts(loadDataset()), { format: 'svg' }).file // 'forecast-skill.svg'
 */
export function renderSkillChart(
  validation: Validation,
  options: Pick<RenderEnsembleChartsOptions, 'format' | 'width' | 'height'>,
): RenderedChart {
  return renderChart(FORECAST_SKILL_CHART, validation, options.format, {
    width: options.width ?? 960,
    height: options.height ?? 540,
  });
}
