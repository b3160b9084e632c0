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

/** Each chart's ms of building, by chart id. */
export type ChartTimes = Readonly<Record<string, number>>;
/** What a grid reports once its charts in view are drawn: see {@link ChartGrid}'s `onDrawn`. */
export type OnDrawn<R> = (data: R, buildMs: number, buildStart: number, charts: ChartTimes) => void;
/** What a grid reports once all its charts are drawn: see {@link ChartGrid}'s `onComplete`. */
export type OnComplete<R> = (data: R, charts: ChartTimes) => void;

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
   * Called at the next frame once every chart of `data` in view is drawn, with when the building
   * started, the ms it took (performance.now()) and each chart's ms. The charts out of view are
   * drawn after, when the page is idle or as they come into view (`onComplete`).
   */
  readonly onDrawn?: OnDrawn<R>;
  /** Called once every chart of `data`, in view or not, is drawn, with each chart's ms of building. */
  readonly onComplete?: OnComplete<R>;
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

/** What a host shows: the chart drawn, of which data, at which width and aspect. */
interface Drawn<R> {
  readonly data: R;
  readonly chart: GridChart<R>;
  readonly aspect: number;
  readonly available: number;
}

/** The charts out of view are drawn in idle time while this much of it remains, ms (a chart takes 2–8 ms). */
const IDLE_SLICE_MS = 6;

/** Holds on the drawing of charts out of view (`holdIdleDrawing`), and the drawings waiting for their release. */
let holds = 0;
const held = new Set<() => void>();

/**
 * Hold the drawing of charts out of view until the returned function is called, e.g. while the
 * workers run an ensemble the page waits for: on two cores the page's idle drawing slows them.
 * Charts coming into view, or saved, are still drawn at once.
 */
export function holdIdleDrawing(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds > 0) return;
    const waiting = [...held];
    held.clear();
    for (const resume of waiting) resume();
  };
}

/** Run `task` when the page is idle (at the latest after a second), with the idle time it has left. */
function whenIdle(task: (timeRemaining: () => number) => void): number {
  if (typeof requestIdleCallback === 'function')
    return requestIdleCallback((deadline) => task(() => deadline.timeRemaining()), { timeout: 1000 });
  return window.setTimeout(() => task(() => 0), 1);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

/**
 * A column of charts drawn from one result, each in a `<figure data-chart>` with SVG and PNG
 * downloads. A chart is rebuilt only when its data, its definition or its size changes; the charts
 * in view are drawn at once, those out of view when the page is idle or as they come into view.
 */
export function ChartGrid<R>({
  charts,
  data,
  label,
  stem,
  fileOf,
  aspect = 0.6,
  onDrawn,
  onComplete,
  onPoint,
  placeholder = 'Simulating…',
}: Props<R>): JSX.Element {
  const hosts = useRef<(HTMLDivElement | null)[]>([]);
  const [failed, setFailed] = useState('');
  // Widths of the hosts as a ResizeObserver reports them: reading clientWidth while drawing would
  // lay the page out again, and a width that changes redraws the charts at the new size. A hidden
  // host (0 px, as behind the phone's "Levers" tab) keeps the width its charts were drawn at.
  const widths = useRef<number[]>([]);
  /** What each host shows: the chart is redrawn only when one of these changes. */
  const drawn = useRef<(Drawn<R> | undefined)[]>([]);
  /** Whether each figure is in view, as an IntersectionObserver last reported; unknown at first. */
  const inView = useRef<(boolean | undefined)[]>([]);
  /** The charts out of view that still show older data or another size: drawn when idle or once in view. */
  const pending = useRef(new Set<number>());
  /** The props the charts drawn later (idle, coming into view, saved) take. */
  const latest = useRef({ data, charts, aspect, onComplete });
  latest.current = { data, charts, aspect, onComplete };
  /**
   * Each chart's ms of building for the data of the latest pass, whether `onDrawn` was called for it
   * (`onComplete` comes after it) and whether `onComplete` was.
   */
  const pass = useRef({ times: {} as Record<string, number>, drawn: true, completed: true });
  const idle = useRef<number | undefined>(undefined);
  const [resized, setResized] = useState(0);
  /** Whether the charts are drawn wider than their figures, which then scroll sideways. */
  const [wide, setWide] = useState(false);
  /** The ids of the charts whose table of numbers is open. */
  const [tables, setTables] = useState<ReadonlySet<string>>(new Set());

  const widthOf = (i: number) => widths.current[i] || hosts.current[i]?.clientWidth || MAX_WIDTH;

  /** Whether chart `i` shows the latest data at its host's width. */
  const current = (i: number): boolean => {
    const d = drawn.current[i];
    const { data: r, charts: list, aspect: a } = latest.current;
    return d !== undefined && d.data === r && d.chart === list[i] && d.aspect === a && d.available === widthOf(i);
  };

  /** Draw chart `i` of the latest data into its host. */
  const draw = (i: number): void => {
    pending.current.delete(i);
    const { data: r, charts: list, aspect: a } = latest.current;
    const chart = list[i];
    const host = hosts.current[i];
    if (r === undefined || chart === undefined || host === null || host === undefined) return;
    const t = performance.now();
    const available = widthOf(i);
    const width = drawWidth(available);
    const narrow = available < NARROW;
    const build = (height: number) =>
      chart.build(r, {
        document: document as unknown as ChartDocument,
        width,
        height: Math.round(height),
        interactive: true,
      }) as unknown as Node;
    drawChart(host, () => {
      if (!narrow) return build(width * a);
      // On a phone the texts wrap into more lines: a chart whose panel gets no room grows taller.
      for (const share of [Math.max(a, NARROW_ASPECT), 1, 1.25]) {
        try {
          return build(width * share);
        } catch (error) {
          if (!(error instanceof RangeError) || share === 1.25) throw error;
        }
      }
      throw new RangeError('no room for the panel');
    });
    drawn.current[i] = { data: r, chart, aspect: a, available };
    pass.current.times[chart.id] = performance.now() - t;
  };

  /** Tell `onComplete` once every chart shows the latest data. */
  const completeIfDone = (): void => {
    const { data: r, onComplete: done } = latest.current;
    if (r === undefined || !pass.current.drawn || pass.current.completed || pending.current.size > 0) return;
    pass.current.completed = true;
    done?.(r, pass.current.times);
  };

  /** Draw the charts out of view while the page is idle, a few at a time, then tell `onComplete`. */
  const drawWhenIdle = (): void => {
    if (idle.current !== undefined) return;
    if (holds > 0) {
      held.add(drawWhenIdle);
      return;
    }
    idle.current = whenIdle((timeRemaining) => {
      idle.current = undefined;
      do {
        const i = pending.current.values().next().value;
        if (i === undefined) break;
        if (current(i)) pending.current.delete(i);
        else draw(i);
      } while (pending.current.size > 0 && timeRemaining() > IDLE_SLICE_MS);
      if (pending.current.size > 0) drawWhenIdle();
      else completeIfDone();
    });
  };

  useEffect(() => {
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const i = hosts.current.indexOf(entry.target as HTMLDivElement);
        const width = Math.round(entry.contentRect.width);
        if (i < 0 || width === 0) continue;
        widths.current[i] = width;
        const available = drawn.current[i]?.available;
        changed ||= available !== undefined && Math.abs(available - width) >= 1;
      }
      if (changed) setResized((n) => n + 1);
    });
    // A chart that comes into view while it waits is drawn at once.
    const visibility = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const i = hosts.current.findIndex((h) => h !== null && h.parentElement === entry.target);
        if (i < 0) continue;
        inView.current[i] = entry.isIntersecting;
        if (entry.isIntersecting && pending.current.has(i)) {
          if (current(i)) pending.current.delete(i);
          else draw(i);
        }
      }
      completeIfDone();
    });
    for (const host of hosts.current) {
      if (host === null) continue;
      observer.observe(host);
      if (host.parentElement !== null) visibility.observe(host.parentElement);
    }
    return () => {
      observer.disconnect();
      visibility.disconnect();
    };
  }, [charts]);

  useEffect(
    () => () => {
      if (idle.current !== undefined) cancelIdle(idle.current);
    },
    [],
  );

  useLayoutEffect(() => {
    if (data === undefined) return;
    const t0 = performance.now();
    pass.current = { times: {}, drawn: false, completed: false };
    let wider = false;
    for (const i of charts.keys()) {
      const available = widthOf(i);
      wider ||= available < NARROW && drawWidth(available) > available + 1;
      if (current(i)) pending.current.delete(i);
      // A chart known to be out of view waits; one whose view is not known yet is drawn.
      else if (inView.current[i] === false) pending.current.add(i);
      else draw(i);
    }
    setWide(wider);
    const buildMs = performance.now() - t0;
    const inViewTimes = { ...pass.current.times };
    const frame = requestAnimationFrame(() => {
      onDrawn?.(data, buildMs, t0, inViewTimes);
      pass.current.drawn = true;
      if (pending.current.size > 0) drawWhenIdle();
      else completeIfDone();
    });
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
    // A chart out of view may still wait to be drawn: the file is of the run shown above it.
    if (!current(i)) draw(i);
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
