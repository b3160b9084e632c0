import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { alliesRanked } from '../../src/core/charts/allies-ranked.js';
import { defineChart } from '../../src/core/charts/compose-chart.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { ChartGrid } from './ChartGrid.js';
import { specTable } from './chart-table.js';

interface Props {
  readonly result: SimulationResult | undefined;
  readonly stem: string;
}

const DEFAULT_YEAR = 2035;

/** Every ally's burden in a chosen year, ranked, with a year slider. */
export function RankedAllies({ result, stem }: Props): JSX.Element {
  const first = result?.years[0] ?? 2025;
  const last = result?.years[result.years.length - 1] ?? 2049;
  const [chosen, setChosen] = useState(DEFAULT_YEAR);
  const year = Math.min(last, Math.max(first, chosen));
  const charts = useMemo(() => {
    const chart = defineChart<SimulationResult, { width?: number; height?: number; interactive?: boolean }>(
      'allies-ranked',
      'Allies ranked by military burden',
      (r, o) => alliesRanked(r, { ...o, year }),
    );
    return [{ ...chart, table: (r: SimulationResult) => specTable(chart.spec(r, { interactive: true })) }];
  }, [year]);
  return (
    <section class="ranked" aria-label="Allies ranked by burden">
      <h2>Allies ranked, year by year</h2>
      <div class="lever">
        <div class="lever-head">
          <label for="ranked-year">Year</label>
          <output for="ranked-year">{year}</output>
        </div>
        <input
          type="range"
          id="ranked-year"
          min={first}
          max={last}
          step={1}
          value={year}
          onInput={(e) => setChosen(Number(e.currentTarget.value))}
        />
      </div>
      <ChartGrid charts={charts} data={result} label="Ranked allies" stem={stem} aspect={0.85} />
    </section>
  );
}
