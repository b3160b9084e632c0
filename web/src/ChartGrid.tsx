import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChartDocument, ChartElement } from '../../src/core/charts/chart-spec.js';
import { chartFileName } from '../../src/core/charts/file-names.js';
import type { DataTable } from './chart-table.js';
import { DataTableView, scrollRegion } from './DataTableView.js';
import { download, drawChart, pngBlob, svgText } from './export.js';

/** A chart the grid can draw: the registry entries of single runs and of ensembles both fit. */
export interface GridChart<R> {
  readonly id: string;
  readonly title: string;
  readonly build: (
    result: R,
    options: { document: ChartDocument; width: number; height: number; interactive: boolean },
  ) => ChartElement;
  /** The chart's numbers as a table, shown on request below it; none when absent. */
  readonly table?: (result: R) => DataTable | undefined;
}

interface Props<R> {
  readonly charts: readonly GridChart<R>[];
  readonly data: R | undefined;
  /** Name of the section for assistive technology. */
  readonly label: string;
  /** Start of the exported files' names: the scenario's stem (`fileStem`). */
  readonly stem: string;
  /** The rest of a download's name, the command line's name of the file; default `<chart id>.<format>`. */
  readonly fileOf?: (chart: GridChart<R>, format: 'svg' | 'png') => string;
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
/** A figure narrower than this is on a phone (the grid's columns are at least as wide elsewhere). */
export const NARROW = 560;
/**
 * On a phone a chart is drawn at the width of its figure but at least this wide, and not scaled
 * down (its text as large as on a wide screen): the figure scrolls sideways when it must.
 */
const NARROW_MIN_WIDTH = 480;
/** Height of a chart drawn on a phone as a share of its width, at least. */
const NARROW_ASPECT = 0.75;

/** The width to draw a chart at in a figure `available` px wide. */
export function drawWidth(available: number): number {
  const min = available < NARROW ? NARROW_MIN_WIDTH : MIN_WIDTH;
  return Math.round(Math.min(MAX_WIDTH, Math.max(min, available)));
}

/** A column of charts drawn from one result, each in a `<figure data-chart>` with SVG and PNG downloads. */
export function ChartGrid<R>({
  charts,
  data,
  label,
  stem,
  fileOf,
  aspect = 0.6,
  onDrawn,
  onPoint,
  placeholder = 'Simulating…',
}: Props<R>): JSX.Element {
  const hosts = useRef<(HTMLDivElement | null)[]>([]);
  const [failed, setFailed] = useState('');
  // Widths of the hosts as a ResizeObserver reports them: reading clientWidth while drawing would
  // lay the page out again, and a width that changes redraws the charts at the new size. A hidden
  // host (0 px, as behind the phone's "Levers" tab) keeps the width its charts were drawn at.
  const widths = useRef<number[]>([]);
  /** The widths the charts were last drawn for. */
  const drawnFor = useRef<number[]>([]);
  const [resized, setResized] = useState(0);
  /** Whether the charts are drawn wider than their figures, which then scroll sideways. */
  const [wide, setWide] = useState(false);
  /** The ids of the charts whose table of numbers is open. */
  const [tables, setTables] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const i = hosts.current.indexOf(entry.target as HTMLDivElement);
        const width = Math.round(entry.contentRect.width);
        if (i < 0 || width === 0) continue;
        widths.current[i] = width;
        const drawn = drawnFor.current[i];
        changed ||= drawn !== undefined && Math.abs(drawn - width) >= 1;
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
    let wider = false;
    for (const [i, chart] of charts.entries()) {
      const host = hosts.current[i];
      if (host === null || host === undefined) continue;
      const available = known[i] as number;
      drawnFor.current[i] = available;
      const width = drawWidth(available);
      const narrow = available < NARROW;
      wider ||= narrow && width > available + 1;
      const build = (height: number) =>
        chart.build(data, {
          document: document as unknown as ChartDocument,
          width,
          height: Math.round(height),
          interactive: true,
        }) as unknown as Node;
      drawChart(host, () => {
        if (!narrow) return build(width * aspect);
        // On a phone the texts wrap into more lines: a chart whose panel gets no room grows taller.
        for (const share of [Math.max(aspect, NARROW_ASPECT), 1, 1.25]) {
          try {
            return build(width * share);
          } catch (error) {
            if (!(error instanceof RangeError) || share === 1.25) throw error;
          }
        }
        throw new RangeError('no room for the panel');
      });
    }
    setWide(wider);
    const buildMs = performance.now() - t0;
    const frame = requestAnimationFrame(() => onDrawn?.(data, buildMs, t0));
    return () => cancelAnimationFrame(frame);
    // `resized` redraws at a new width.
  }, [data, charts, aspect, onDrawn, resized]);

  const toggleTable = (id: string) =>
    setTables((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const svgOf = (i: number) => hosts.current[i]?.querySelector(':scope > svg') as SVGSVGElement | null;

  const save = async (i: number, format: 'svg' | 'png') => {
    const svg = svgOf(i);
    const chart = charts[i];
    if (svg === null || chart === undefined) return;
    setFailed('');
    try {
      const blob = format === 'svg' ? new Blob([svgText(svg)], { type: 'image/svg+xml' }) : await pngBlob(svg);
      download(`${stem}-${fileOf?.(chart, format) ?? chartFileName(chart.id, format)}`, blob);
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
      {charts.map((chart, i) => {
        const tableId = `table-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${chart.id}`;
        const tableOpen = data !== undefined && chart.table !== undefined && tables.has(chart.id);
        return (
          <figure key={chart.id} data-chart={chart.id} aria-label={chart.title}>
            {data === undefined ? <p class="placeholder">{placeholder}</p> : null}
            <div
              class={`chart-host${wide ? ' chart-host-wide' : ''}`}
              ref={(el) => {
                hosts.current[i] = el;
              }}
              // Drawn wider than the screen, the chart scrolls sideways: from the keyboard too.
              {...(wide ? scrollRegion(`${chart.title} (scrolls sideways)`) : {})}
              onInput={(event) => {
                const panel = event.target as SVGSVGElement & { value?: unknown };
                onPoint?.(chart.id, panel, panel.value);
              }}
            />
            {data === undefined ? null : (
              <div class="chart-tools">
                {chart.table === undefined ? null : (
                  <button
                    type="button"
                    class="table-toggle"
                    aria-expanded={tableOpen}
                    aria-controls={tableId}
                    aria-label={`Data table of "${chart.title}"`}
                    onClick={() => toggleTable(chart.id)}
                  >
                    Data table
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => void save(i, 'svg')}
                  aria-label={`Download "${chart.title}" as SVG`}
                >
                  SVG
                </button>
                <button
                  type="button"
                  onClick={() => void save(i, 'png')}
                  aria-label={`Download "${chart.title}" as PNG`}
                >
                  PNG
                </button>
              </div>
            )}
            {chart.table === undefined ? null : (
              <div id={tableId} class="chart-table" hidden={!tableOpen}>
                {tableOpen ? <ChartTable table={chart.table} data={data as R} title={chart.title} /> : null}
              </div>
            )}
          </figure>
        );
      })}
    </section>
  );
}

/** The numbers of one chart as a table, built when it is shown. */
function ChartTable<R>({
  table,
  data,
  title,
}: {
  readonly table: (data: R) => DataTable | undefined;
  readonly data: R;
  readonly title: string;
}): JSX.Element {
  const built = useMemo(() => {
    try {
      return table(data);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [table, data]);
  if (built === undefined) return <p class="note">This chart has no numbers to tabulate.</p>;
  if (typeof built === 'string') return <p class="chart-error">The table cannot be built: {built}</p>;
  return <DataTableView table={built} label={`Numbers of "${title}"`} />;
}
