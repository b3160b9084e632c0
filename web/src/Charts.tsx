import type { JSX } from 'preact';
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { CHARTS } from '../../src/core/charts/charts.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { ChartGrid, type GridChart, type OnComplete, type OnDrawn } from './ChartGrid.js';
import { specTable } from './chart-table.js';

interface Props {
  readonly result: SimulationResult | undefined;
  /** A comparison run, drawn faintly by the charts that support one. */
  readonly baseline?: SimulationResult | undefined;
  /** Start of the exported files' names. */
  readonly stem: string;
  /**
   * Called once every chart of `result` in view is drawn (after the next frame), with the ms spent
   * building them, in all and by chart.
   */
  readonly onDrawn: OnDrawn<SimulationResult>;
  /** Called once every chart of `result` is drawn, those out of view too, with each one's ms of building. */
  readonly onComplete?: OnComplete<SimulationResult>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

type Entry = GridChart<SimulationResult>;

interface PlotPanel extends SVGSVGElement {
  scale?: (name: 'x' | 'y') => { apply: (value: number) => number } | undefined;
}

/**
 * Draw the whole line of the ally the pointer is on in the allies' chart, over the grey lines;
 * remove it when the pointer leaves.
 */
function highlightAlly(panel: PlotPanel, result: SimulationResult, datum: unknown): void {
  panel.querySelector('.ally-highlight')?.remove();
  const iso3 = (datum as { iso3?: unknown } | null | undefined)?.iso3;
  const actor = typeof iso3 === 'string' ? result.actors.find((a) => a.iso3 === iso3) : undefined;
  const x = panel.scale?.('x');
  const y = panel.scale?.('y');
  if (actor === undefined || x === undefined || y === undefined) return;
  let d = '';
  let pen = 'M';
  for (const [k, year] of result.years.entries()) {
    const b = actor.burden[k];
    if (actor.ally[k] !== true || b === undefined || !Number.isFinite(b)) {
      pen = 'M';
      continue;
    }
    d += `${pen}${x.apply(year).toFixed(1)},${y.apply(b * 100).toFixed(1)}`;
    pen = 'L';
  }
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('class', 'ally-highlight');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#7B2CBF');
  path.setAttribute('stroke-width', '3.5');
  path.setAttribute('pointer-events', 'none');
  const tip = panel.querySelector('[aria-label="tip"]');
  panel.insertBefore(path, tip);
}

/** Every chart of the registry for the latest result; hovering an ally's line highlights it. */
export function Charts({ result, baseline, stem, onDrawn, onComplete }: Props): JSX.Element {
  // A chart that draws no baseline keeps its entry when the baseline changes: the grid does not
  // rebuild it.
  const entries = useRef(new Map<string, { readonly baseline: SimulationResult | undefined; readonly entry: Entry }>());
  const charts = useMemo(
    () =>
      CHARTS.map((c) => {
        const kept = entries.current.get(c.id);
        if (kept !== undefined && (!c.drawsBaseline || kept.baseline === baseline)) return kept.entry;
        const entry: Entry = {
          id: c.id,
          title: c.title,
          build: (r, o) => c.build(r, { ...o, baseline }),
          // The run's numbers as the tooltips give them: the baseline is a run of its own.
          table: (r) => specTable(c.spec(r, { interactive: true })),
        };
        entries.current.set(c.id, { baseline, entry });
        return entry;
      }),
    [baseline],
  );
  const onPoint = useCallback(
    (chartId: string, panel: SVGSVGElement, datum: unknown) => {
      if (chartId === 'allies-burden' && result !== undefined) highlightAlly(panel, result, datum);
    },
    [result],
  );
  return (
    <ChartGrid
      charts={charts}
      data={result}
      label="Charts"
      stem={stem}
      onDrawn={onDrawn}
      onComplete={onComplete}
      onPoint={onPoint}
    />
  );
}
