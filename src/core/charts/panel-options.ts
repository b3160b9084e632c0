import type { ChartPlotOptions } from './chart-spec.js';
import type { PanelFrame } from './rule-labels.js';
import type { YearAxis } from './year-axis.js';

/** Margins of the Plot panel in px; `right` leaves room for line labels. */
export interface PanelMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Default margins: room for a y label above the axis, tick labels left, calendar years below. */
export const PANEL_MARGINS: PanelMargins = { top: 34, right: 40, bottom: 36, left: 64 };

/**
 * Return the Plot options every time-series panel shares: margins and a year x axis.
 *
 * @param axis The x domain and ticks in calendar years.
 * @param marginRight Right margin in px, wider when lines are labelled at their ends.
 * @example panelOptions(yearAxis([2025, 2030]), 150).marginRight // 150
 */
export function panelOptions(axis: YearAxis, marginRight = PANEL_MARGINS.right): ChartPlotOptions {
  return {
    marginTop: PANEL_MARGINS.top,
    marginRight,
    marginBottom: PANEL_MARGINS.bottom,
    marginLeft: PANEL_MARGINS.left,
    x: {
      domain: [...axis.domain],
      ticks: [...axis.ticks],
      tickFormat: 'd',
      label: null,
    },
  };
}

/**
 * Return the height in px of the plotting area inside a panel.
 *
 * @param panelHeight Height of the whole panel in px.
 * @example innerHeight(400) // 330
 */
export function innerHeight(panelHeight: number): number {
  return Math.max(1, panelHeight - PANEL_MARGINS.top - PANEL_MARGINS.bottom);
}

/**
 * Return the frame of a panel built from {@link panelOptions}: its size, margins and domains, for
 * laying out labels in px before Plot draws it.
 *
 * @param options The panel's Plot options (margins and x domain).
 * @param width Width of the panel in px (the chart's).
 * @param height Height of the panel in px.
 * @param yDomain The y domain in the chart's units.
 * @param yType The y scale type.
 * @example panelFrame(panelOptions(yearAxis([2025, 2030])), 960, 400, [0, 5], 'linear').marginLeft // 64
 */
export function panelFrame(
  options: ChartPlotOptions,
  width: number,
  height: number,
  yDomain: readonly [number, number],
  yType: 'linear' | 'log',
): PanelFrame {
  const domain = (options.x?.domain ?? [0, 1]) as readonly [number, number];
  return {
    width,
    height,
    marginTop: options.marginTop ?? PANEL_MARGINS.top,
    marginRight: options.marginRight ?? PANEL_MARGINS.right,
    marginBottom: options.marginBottom ?? PANEL_MARGINS.bottom,
    marginLeft: options.marginLeft ?? PANEL_MARGINS.left,
    xDomain: [domain[0], domain[1]],
    yDomain,
    yType,
  };
}
