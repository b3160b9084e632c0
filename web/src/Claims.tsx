import * as Plot from '@observablehq/plot';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClaimChart, ClaimEvidence, ClaimNumber } from '../../src/core/analyze/claims/types.js';
import { claimChartPlot } from '../../src/core/charts/claim-chart.js';
import { drawWidth, NARROW } from './ChartGrid.js';
import { scrollRegion, TableScroll } from './DataTableView.js';
import { drawChart } from './export.js';

interface Props {
  /** The evidence of `claimsEvidence`, computed in the worker; `undefined` while it is computed. */
  readonly evidence: readonly ClaimEvidence[] | undefined;
}

const WIDTH = 640;

/** A number with the precision its size warrants. */
function formatValue(n: ClaimNumber): string {
  const v = n.value;
  if (Number.isInteger(v)) return n.unit === 'year' ? String(v) : v.toLocaleString('en-US');
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 1 ? 2 : 3;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A claim's chart: the core's Plot options (`claimChartPlot`, the same as tested in Node), with its
 * key, the rules' labels placed clear of the data, and both axes numbered alike.
 */
function plotChart(chart: ClaimChart, width: number): SVGSVGElement | HTMLElement {
  return Plot.plot(claimChartPlot(chart, width));
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
