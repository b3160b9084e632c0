import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChartDocument } from '../../src/core/charts/chart-spec.js';
import { CHARTS } from '../../src/core/charts/charts.js';
import type { SimulationResult } from '../../src/core/simulate.js';

interface Props {
  readonly result: SimulationResult | undefined;
  /** Called once every chart of `result` is drawn (after the next frame). */
  readonly onDrawn: (result: SimulationResult) => void;
}

const MIN_WIDTH = 640;
const MAX_WIDTH = 960;

/** Every chart of the registry for the latest result, each in a `<figure data-chart>`. */
export function Charts({ result, onDrawn }: Props): JSX.Element {
  const figures = useRef<(HTMLDivElement | null)[]>([]);

  useLayoutEffect(() => {
    if (result === undefined) return;
    for (const [i, chart] of CHARTS.entries()) {
      const host = figures.current[i];
      if (host === null || host === undefined) continue;
      const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, host.clientWidth || MAX_WIDTH)));
      try {
        const svg = chart.build(result, {
          document: document as unknown as ChartDocument,
          width,
          height: Math.round(width * 0.6),
        });
        host.replaceChildren(svg as unknown as Node);
      } catch (error) {
        const p = document.createElement('p');
        p.className = 'chart-error';
        p.textContent = `This chart cannot be drawn: ${error instanceof Error ? error.message : String(error)}`;
        host.replaceChildren(p);
      }
    }
    const frame = requestAnimationFrame(() => onDrawn(result));
    return () => cancelAnimationFrame(frame);
  }, [result, onDrawn]);

  return (
    <section class="charts" aria-label="Charts">
      {CHARTS.map((chart, i) => (
        <figure key={chart.id} data-chart={chart.id} aria-label={chart.title}>
          {result === undefined ? <p class="placeholder">Simulating…</p> : null}
          <div
            class="chart-host"
            ref={(el) => {
              figures.current[i] = el;
            }}
          />
        </figure>
      ))}
    </section>
  );
}
