import * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../simulate.js';
import { type ChartSpec, type ChartSpecOptions, DEFAULT_CHART_WIDTH } from './chart-spec.js';
import { chartLayout } from './compose-chart.js';
import { layoutChartLabels } from './label-layout.js';
import { type LabelledSeries, valueDomain } from './line-labels.js';
import { CONTEXT_GREY, colorOf, INK } from './palette.js';
import { innerHeight, panelFrame, panelOptions } from './panel-options.js';
import { scenarioPledge } from './scenario-pledge.js';
import { definedOrNaN, labelMarks, referenceRule, ruleLabel, seriesMarks } from './series-marks.js';
import { sourceNote, yearSpan } from './source-note.js';
import { yearAxis } from './year-axis.js';

/** Allies drawn in colour and labelled, when they are in the result. */
export const HIGHLIGHTED_ALLIES = ['USA', 'POL', 'DEU', 'FRA', 'GBR'] as const;

/** NATO's guideline (Wales 2014) and core-defence target (The Hague 2025), % of GDP. */
export const BURDEN_RULES = [
  { percent: 2, label: '2 % (Wales 2014)' },
  { percent: 3.5, label: '3.5 % (The Hague 2025)' },
] as const;

const ruleKey = (percent: number) => String(percent).replace('.', '-');

/**
 * Return the median of the finite values, `NaN` when there is none.
 *
 * @param values Any numbers; non-finite ones are ignored.
 * @example median([3, 1, 2, Number.NaN]) // 2
 */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Describe the chart of every ally's burden (% of GDP) per year: thin grey lines, the median ally in
 * black, the highlighted allies in colour, and rules at 2 % and 3.5 %.
 *
 * An actor counts as an ally in the years it is one (enlargement draws its line from its accession).
 *
 * @param result The simulated run.
 * @param options Chart size in px (960×540); a baseline is not drawn here.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example alliesBurden(simulate(parseScenario('end: 2030'), loadDataset())).title // "NATO allies' military burden"
 */
export function alliesBurden(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const { years } = result;
  const allies = result.actors.filter((a) => a.ally.some(Boolean));
  const percent = (a: (typeof allies)[number]) =>
    years.map((_, k) => (a.ally[k] ? definedOrNaN(a.burden[k]) * 100 : Number.NaN));
  const series = allies.map((a) => ({ actor: a, values: percent(a) }));
  const medians = years.map((_, k) => median(series.map((s) => s.values[k] as number)));
  const highlighted = HIGHLIGHTED_ALLIES.flatMap((iso3) => series.filter((s) => s.actor.iso3 === iso3));

  const subtitle =
    `Military expenditure of each NATO ally, % of GDP, ${yearSpan(result)}. ` +
    `Grey: each of the ${allies.length} allies; black: the median ally.`;
  const caption = [sourceNote(result)];
  const layout = chartLayout({ subtitle, caption }, options.width, options.height);
  // The scenario's own pledge, when the levers set one other than 2 % and 3.5 %.
  const pledge = scenarioPledge(result);
  const rules = [
    ...BURDEN_RULES,
    ...(pledge === undefined
      ? []
      : [{ percent: pledge.percent, label: `${pledge.percent} % (the pledge, by ${pledge.by})` }]),
  ];
  const domain = valueDomain(
    series.flatMap((s) => s.values),
    'linear',
    rules.map((r) => r.percent),
  );
  const labelled: LabelledSeries[] = [
    ...highlighted.map((s) => ({ text: s.actor.name, color: colorOf(s.actor.iso3), years, values: s.values })),
    { text: 'Median ally', color: INK, years, values: medians },
  ];
  // The rules' labels go where no ally's line passes, or right of the frame with the lines' labels.
  const axis = yearAxis(years);
  const labels = layoutChartLabels({
    lines: labelled,
    rules: rules.map((r) => ({ value: r.percent, label: r.label, key: ruleKey(r.percent) })),
    obstacles: {
      lines: [...series.map((s) => s.values), medians].map((v) => years.map((y, k) => [y, v[k] as number] as const)),
    },
    scale: { type: 'linear', domain, heightPx: innerHeight(layout.panelHeight) },
    frame: (marginRight) =>
      panelFrame(
        panelOptions(axis, marginRight),
        options.width ?? DEFAULT_CHART_WIDTH,
        layout.panelHeight,
        domain,
        'linear',
      ),
    marginRight: 130,
  });
  const panel = panelOptions(axis, labels.marginRight);

  return {
    id: 'allies-burden',
    title: "NATO allies' military burden",
    subtitle,
    caption,
    plot: {
      ...panel,
      y: { domain, label: 'Military expenditure, % of GDP', grid: true },
      marks: [
        Plot.ruleY([0], { stroke: '#999999' }),
        ...rules.map((r) => referenceRule(r.percent, `rule-${ruleKey(r.percent)}`)),
        Plot.lineY(
          series.flatMap((s) => years.map((year, k) => ({ iso3: s.actor.iso3, year, value: s.values[k] as number }))),
          {
            x: 'year',
            y: 'value',
            z: 'iso3',
            stroke: CONTEXT_GREY,
            strokeWidth: 1,
            className: 'ally-burden',
          },
        ),
        ...seriesMarks(years, medians, { stroke: INK, strokeWidth: 3.5, className: 'median-ally' }),
        ...highlighted.flatMap((s) =>
          seriesMarks(years, s.values, { stroke: colorOf(s.actor.iso3), className: `burden-${s.actor.iso3}` }),
        ),
        ...labels.inFrame.map((p) => ruleLabel(p, `rule-${p.key}-label`)),
        ...labelMarks(labels.margin),
        ...(options.interactive === true ? [allyTooltip(series, years)] : []),
      ],
    },
  };
}

/**
 * A pointer tooltip naming the ally nearest the pointer with its exact burden; the pointed datum's
 * `iso3` lets a page highlight that ally's line.
 */
function allyTooltip(
  series: readonly { readonly actor: { readonly iso3: string; readonly name: string }; readonly values: number[] }[],
  years: readonly number[],
): Plot.Markish {
  const points = series.flatMap((s) =>
    years.flatMap((year, k) => {
      const value = s.values[k] as number;
      return Number.isNaN(value) ? [] : [{ iso3: s.actor.iso3, name: s.actor.name, year, value }];
    }),
  );
  return Plot.tip(
    points,
    Plot.pointer({
      x: 'year',
      y: 'value',
      title: (p: (typeof points)[number]) => `${p.name}\n${p.year}: ${p.value.toFixed(2)} % of GDP`,
      className: 'tooltip',
    }),
  );
}

/**
 * Return the number of lines the chart draws for the allies (one per actor that is an ally in some year).
 *
 * @param result The simulated run.
 * @example allyLineCount(simulate(parseScenario('end: 2030'), loadDataset())) // 31
 */
export function allyLineCount(result: SimulationResult): number {
  return result.actors.filter((a) => a.ally.some(Boolean)).length;
}
