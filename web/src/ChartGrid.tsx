import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChartDocument, ChartElement } from '../../src/core/charts/chart-spec.js';
import { download, drawChart, pngBlob, svgText } from './export.js';

/** A chart the grid can draw: the registry entries of single runs and of ensembles both fit. */
export interface GridChart<R> {
  readonly id: string;
  readonly title: string;
  readonly build: (
    result: R,
    options: { document: ChartDocument; width: number; height: number; interactive: boolean },
  ) => ChartElement;
}

interface Props<R> {
  readonly charts: readonly GridChart<R>[];
  readonly data: R | undefined;
  /** Name of the section for assistive technology. */
  readonly label: string;
  /** Start of the exported files' names. */
  readonly stem: string;
  /** Height of a chart as a share of its width; default 0.6. */
  readonly aspect?: number;
  /**
   * Called once every chart of `data` is drawn (at the next frame), with when the building started
   * and the ms it took (performance.now()).
   */
  readonly onDrawn?: (data: R, buildMs: number, buildStart: number) => void;
  /** Called when the pointer picks a datum in a chart's panel (Plot's `input` event). */
  readonly onPoint?: (chartId: string, panel: SVGSVGElement, datum: unknown) => void;
  readonly placeholder?: string;
}

const MIN_WIDTH = 640;
const MAX_WIDTH = 960;

/** A column of charts drawn from one result, each in a `<figure data-chart>` with SVG and PNG downloads. */
export function ChartGrid<R>({
  charts,
  data,
  label,
  stem,
  aspect = 0.6,
  onDrawn,
  onPoint,
  placeholder = 'Simulating…',
}: Props<R>): JSX.Element {
  const hosts = useRef<(HTMLDivElement | null)[]>([]);
  const [failed, setFailed] = useState('');
  // Widths of the hosts as a ResizeObserver reports them: reading clientWidth while drawing would
  // lay the page out again, and a width that changes redraws the charts at the new size.
  const widths = useRef<number[]>([]);
  const [resized, setResized] = useState(0);

  useEffect(() => {
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const i = hosts.current.indexOf(entry.target as HTMLDivElement);
        const width = Math.round(entry.contentRect.width);
        if (i >= 0 && Math.abs((widths.current[i] ?? 0) - width) >= 1) {
          changed ||= widths.current[i] !== undefined;
          widths.current[i] = width;
        }
      }
      if (changed) setResized((n) => n + 1);
    });
    for (const host of hosts.current) if (host !== null) observer.observe(host);
    return () => observer.disconnect();
  }, [charts]);

  useLayoutEffect(() => {
    if (data === undefined) return;
    const t0 = performance.now();
    const known = charts.map((_, i) => widths.current[i] || hosts.current[i]?.clientWidth || MAX_WIDTH);
    for (const [i, chart] of charts.entries()) {
      const host = hosts.current[i];
      if (host === null || host === undefined) continue;
      const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, known[i] as number)));
      drawChart(
        host,
        () =>
          chart.build(data, {
            document: document as unknown as ChartDocument,
            width,
            height: Math.round(width * aspect),
            interactive: true,
          }) as unknown as Node,
      );
    }
    const buildMs = performance.now() - t0;
    const frame = requestAnimationFrame(() => onDrawn?.(data, buildMs, t0));
    return () => cancelAnimationFrame(frame);
    // `resized` redraws at a new width.
  }, [data, charts, aspect, onDrawn, resized]);

  const svgOf = (i: number) => hosts.current[i]?.querySelector(':scope > svg') as SVGSVGElement | null;

  const save = async (i: number, format: 'svg' | 'png') => {
    const svg = svgOf(i);
    const chart = charts[i];
    if (svg === null || chart === undefined) return;
    setFailed('');
    try {
      const blob = format === 'svg' ? new Blob([svgText(svg)], { type: 'image/svg+xml' }) : await pngBlob(svg, 2);
      download(`${stem}-${chart.id}.${format}`, blob);
    } catch (error) {
      setFailed(
        `${chart.title} cannot be saved as ${format.toUpperCase()}: ${error instanceof Error ? error.message : error}`,
      );
    }
  };

  return (
    <section class="charts" aria-label={label}>
      {failed === '' ? null : (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
      {charts.map((chart, i) => (
        <figure key={chart.id} data-chart={chart.id} aria-label={chart.title}>
          {data === undefined ? <p class="placeholder">{placeholder}</p> : null}
          <div
            class="chart-host"
            ref={(el) => {
              hosts.current[i] = el;
            }}
            onInput={(event) => {
              const panel = event.target as SVGSVGElement & { value?: unknown };
              onPoint?.(chart.id, panel, panel.value);
            }}
          />
          {data === undefined ? null : (
            <div class="chart-tools">
              <button type="button" onClick={() => void save(i, 'svg')} aria-label={`Download "${chart.title}" as SVG`}>
                SVG
              </button>
              <button type="button" onClick={() => void save(i, 'png')} aria-label={`Download "${chart.title}" as PNG`}>
                PNG
              </button>
            </div>
          )}
        </figure>
      ))}
    </section>
  );
}
