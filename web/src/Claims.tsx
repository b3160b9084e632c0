import * as Plot from '@observablehq/plot';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClaimChart, ClaimEvidence, ClaimNumber } from '../../src/core/analyze/claims/types.js';
import { drawWidth, NARROW } from './ChartGrid.js';
import { scrollRegion, TableScroll } from './DataTableView.js';
import { drawChart } from './export.js';

interface Props {
  /** The evidence of `claimsEvidence`, computed in the worker; `undefined` while it is computed. */
  readonly evidence: readonly ClaimEvidence[] | undefined;
}

interface Row {
  readonly series: string;
  readonly x: number | string;
  readonly y: number;
}

const WIDTH = 640;
const HEIGHT = 320;

/** A number with the precision its size warrants. */
function formatValue(n: ClaimNumber): string {
  const v = n.value;
  if (Number.isInteger(v)) return n.unit === 'year' ? String(v) : v.toLocaleString('en-US');
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 1 ? 2 : 3;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The Plot marks of a claim's chart: lines (dashed where asked) with dots, or bars; reference rules. */
function plotChart(chart: ClaimChart, width: number): SVGSVGElement | HTMLElement {
  const rows = (dashed: boolean): Row[] =>
    chart.series
      .filter((s) => (s.dashed ?? false) === dashed)
      .flatMap((s) => s.points.map(([x, y]) => ({ series: s.name, x, y })));
  const all = [...rows(false), ...rows(true)];
  const marks: Plot.Markish[] = [];
  if (chart.kind === 'line') {
    marks.push(
      Plot.line(rows(false), { x: 'x', y: 'y', z: 'series', stroke: 'series', strokeWidth: 2 }),
      Plot.line(rows(true), {
        x: 'x',
        y: 'y',
        z: 'series',
        stroke: 'series',
        strokeWidth: 1.5,
        strokeDasharray: '5,4',
      }),
      Plot.dot(
        all.filter(
          (r) => chart.series.find((s) => s.name === r.series)?.points.length === 1 || chart.xType !== 'number',
        ),
        { x: 'x', y: 'y', fill: 'series', r: 2.5 },
      ),
    );
  } else if (chart.xType === 'number') {
    // A histogram: bars as rectangles on a continuous axis, so vertical rules fall where they belong.
    const first = chart.series[0]?.points;
    const step = first && first.length > 1 ? Number(first[1]?.[0]) - Number(first[0]?.[0]) : 1;
    marks.push(
      Plot.rectY(all, {
        x1: (r: Row) => Number(r.x) - step / 2,
        x2: (r: Row) => Number(r.x) + step / 2,
        y: 'y',
        fill: 'series',
        inset: 0.5,
      }),
    );
  } else {
    marks.push(Plot.barY(all, { x: 'x', y: 'y', fill: 'series' }));
  }
  if (chart.kind === 'bar') marks.push(Plot.ruleY([0]));
  const rules = chart.rules ?? [];
  const xRules = [...(chart.xRules ?? [])].sort((a, b) => a.x - b.x);
  marks.push(
    Plot.ruleY(rules, { y: 'y', stroke: '#666666', strokeDasharray: '3,3' }),
    Plot.text(rules, { y: 'y', text: 'label', frameAnchor: 'right', textAnchor: 'end', dy: -6, fill: '#444444' }),
    Plot.ruleX(xRules, { x: 'x', stroke: '#666666', strokeDasharray: '3,3' }),
    // Labels of neighbouring rules take turns on two lines so that they do not overlap.
    ...[0, 1].map((line) =>
      Plot.text(
        xRules.filter((_, i) => i % 2 === line),
        { x: 'x', text: 'label', frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: 6 + 14 * line, fill: '#444444' },
      ),
    ),
  );
  const yearTicks = (d: number | string) => (typeof d === 'number' && d % 5 === 0 ? String(d) : '');
  return Plot.plot({
    width,
    height: HEIGHT,
    marginLeft: 56,
    marginBottom: chart.xType === 'category' ? 48 : 40,
    style: { fontSize: '11px' },
    x:
      chart.xType === 'number' || (chart.kind === 'line' && chart.xType === 'year')
        ? { label: chart.xLabel, tickFormat: chart.xType === 'year' ? 'd' : '~s', nice: true }
        : {
            label: chart.xLabel,
            type: 'band',
            tickRotate: chart.xType === 'category' ? -90 : 0,
            ...(chart.xType === 'year' ? { tickFormat: yearTicks } : {}),
          },
    y: { label: chart.yLabel, grid: true, nice: true, zero: chart.kind === 'bar' },
    color: { legend: chart.series.length > 1 },
    marks,
  });
}

/** One claim's chart, drawn into its host after render, with its source below. */
function ClaimChartFigure({ chart }: { readonly chart: ClaimChart }): JSX.Element {
  const host = useRef<HTMLDivElement | null>(null);
  /** Drawn wider than a phone's screen, the chart scrolls sideways. */
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = host.current;
    if (el === null) return;
    const available = el.clientWidth || WIDTH;
    const width = drawWidth(available);
    drawChart(el, () => plotChart(chart, width), chart.title);
    setWide(available < NARROW && width > available + 1);
  }, [chart]);
  return (
    <figure class="claim-chart" aria-label={chart.title}>
      <figcaption class="claim-chart-title">{chart.title}</figcaption>
      <div
        class={`chart-host${wide ? ' chart-host-wide' : ''}`}
        ref={host}
        {...(wide ? scrollRegion(`${chart.title} (scrolls sideways)`) : {})}
      />
      <p class="claim-chart-source">Source: {chart.source}</p>
    </figure>
  );
}

/** One `<article data-claim="N">` per claim: statement, answer, strength badge, numbers with sources, chart. */
export function Claims({ evidence }: Props): JSX.Element {
  return (
    <section class="claims" aria-label="What the data say">
      <h2>What the data say</h2>
      {evidence === undefined ? <p class="placeholder">Computing the evidence…</p> : null}
      {(evidence ?? []).map((c) => (
        <article key={c.id} class="claim" data-claim={String(c.id)}>
          <header class="claim-header">
            <span class="claim-number">Claim {c.id}</span>
            <span
              class={`claim-strength claim-strength-${c.strength}`}
              data-strength={c.strength}
              title={c.strengthReason}
            >
              {c.strength} evidence
            </span>
            <span class="claim-verdict">claim {c.verdict}</span>
          </header>
          <blockquote class="claim-statement">{c.statement}</blockquote>
          <p class="claim-question">{c.question}</p>
          <p class="claim-answer">{c.answer}</p>
          <p class="claim-strength-reason">{c.strengthReason}</p>
          <details class="claim-numbers">
            <summary>The numbers and their sources ({c.numbers.length})</summary>
            <TableScroll label={`The numbers of claim ${c.id} and their sources`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">number</th>
                    <th scope="col">value</th>
                    <th scope="col">unit</th>
                    <th scope="col">source</th>
                  </tr>
                </thead>
                <tbody>
                  {c.numbers.map((n) => (
                    <tr key={n.label}>
                      <td>{n.label}</td>
                      <td class="num">{formatValue(n)}</td>
                      <td>{n.unit}</td>
                      <td>
                        {n.source}
                        {n.edition ? `, edition ${n.edition}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
          <ClaimChartFigure chart={c.chart} />
          {c.caveats.length > 0 ? (
            <ul class="claim-caveats">
              {c.caveats.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </section>
  );
}
