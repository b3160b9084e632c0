import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { mapFileStem } from '../../src/core/charts/file-names.js';
import {
  ALLIANCE_MAP_CHART,
  type AllianceMapInput,
  allianceMapData,
  FIRST_MAP_YEAR,
  type MapMode,
  mapYears,
} from '../../src/core/charts/map/index.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { ChartGrid } from './ChartGrid.js';
import { TableScroll } from './DataTableView.js';
import type { mapAssets } from './map-assets.js';

interface Props {
  readonly result: SimulationResult | undefined;
  readonly stem: string;
}

/** The run reaches the map once the levers rest this long: a drag redraws the charts, not the map. */
const RESULT_DELAY_MS = 200;

const MODES: readonly { readonly mode: MapMode; readonly label: string }[] = [
  { mode: 'membership', label: 'When they joined' },
  { mode: 'burden', label: 'Military burden (% of GDP)' },
];

const CHARTS = [ALLIANCE_MAP_CHART];

/**
 * NATO and Russia on a map of Europe for a year on a slider, from 1949 to the run's last year: data
 * years from the dataset, simulated years from the current run; the allies coloured by when they
 * joined or by their burden; the map's numbers in a table.
 */
export function AllianceMap({ result, stem }: Props): JSX.Element {
  const [assets, setAssets] = useState<ReturnType<typeof mapAssets> | undefined>(undefined);
  const [failed, setFailed] = useState('');
  const [mode, setMode] = useState<MapMode>('membership');
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [run, setRun] = useState<SimulationResult | undefined>(result);

  useEffect(() => {
    let live = true;
    import('./map-assets.js').then(
      (m) => {
        if (live) setAssets(m.mapAssets());
      },
      (error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (result === run) return;
    if (run === undefined) {
      setRun(result);
      return;
    }
    const timer = setTimeout(() => setRun(result), RESULT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [result, run]);

  const years = assets === undefined ? undefined : mapYears(assets.dataset, run);
  const last = years?.last ?? FIRST_MAP_YEAR;
  const firstRun = run?.years[0];
  // The latest year of the data alone, before the run starts.
  const lastData = Math.min(years?.lastData ?? last, firstRun === undefined ? last : firstRun - 1);
  const year = Math.min(last, Math.max(FIRST_MAP_YEAR, chosen ?? lastData));
  const simulated = firstRun !== undefined && year >= firstRun;
  // A data year does not depend on the run: the same input keeps the map as drawn when a lever moves.
  const runOfYear = simulated ? run : undefined;

  const input = useMemo<AllianceMapInput | undefined>(
    () =>
      assets === undefined
        ? undefined
        : { dataset: assets.dataset, topology: assets.topology, year, mode, result: runOfYear },
    [assets, year, mode, runOfYear],
  );
  const data = useMemo(() => (input === undefined ? undefined : allianceMapData(input.dataset, input)), [input]);
  const label = (key: string) => data?.categories.find((c) => c.key === key)?.label ?? key;

  return (
    <section class="alliance-map" aria-labelledby="alliance-map-title">
      <h2 id="alliance-map-title">Map: NATO and Russia, year by year</h2>
      <div class="map-controls">
        <div class="lever">
          <div class="lever-head">
            <label for="map-year">Map year</label>
            <output for="map-year" data-testid="map-year">
              {year} {simulated ? '(simulated)' : '(data)'}
            </output>
          </div>
          <input
            type="range"
            id="map-year"
            min={FIRST_MAP_YEAR}
            max={last}
            step={1}
            value={year}
            disabled={assets === undefined}
            aria-describedby="map-year-note"
            onInput={(e) => setChosen(Number(e.currentTarget.value))}
          />
          <p class="lever-note" id="map-year-note">
            {firstRun === undefined
              ? 'Data years: NATO’s accession dates and SIPRI’s shares of GDP.'
              : `Data to ${firstRun - 1}; from ${firstRun} the current run.`}
          </p>
        </div>
        <fieldset class="map-mode">
          <legend>Colour the allies by</legend>
          {MODES.map((m) => (
            <label key={m.mode}>
              <input
                type="radio"
                name="map-mode"
                value={m.mode}
                checked={mode === m.mode}
                onChange={() => setMode(m.mode)}
              />{' '}
              {m.label}
            </label>
          ))}
        </fieldset>
      </div>
      {failed === '' ? null : (
        <p class="error" role="alert">
          The map's borders cannot be loaded: {failed}
        </p>
      )}
      <ChartGrid
        charts={CHARTS}
        data={input}
        label="Map"
        stem={stem}
        fileOf={(_, format) => `${mapFileStem(year, mode)}.${format}`}
        aspect={0.5625}
        placeholder="Loading the map…"
      />
      {data === undefined ? null : (
        <details class="map-table">
          <summary>The map's numbers as a table</summary>
          <TableScroll label={`The map's numbers, ${data.year}`}>
            <table data-testid="map-table">
              <caption>
                {data.basis === 'simulated'
                  ? `Allies, Russia and Belarus in ${data.year}, simulated (scenario ${data.scenario}): ${data.allies} allies`
                  : `Allies${data.russianSide.length > 2 ? ' and the Soviet Union' : ', Russia and Belarus'} in ${data.year}: ${data.allies} allies`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">Map colour</th>
                  <th scope="col" class="num">
                    Joined
                  </th>
                  <th scope="col" class="num">
                    % of GDP
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.iso3} data-ally={r.ally ? 'yes' : 'no'}>
                    <th scope="row">{r.name}</th>
                    <td>{label(r.category)}</td>
                    <td class="num">{r.joined ?? '—'}</td>
                    <td class="num">{r.burden === null ? '—' : (r.burden * 100).toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p class="source">{data.sources.join(' ')}</p>
        </details>
      )}
    </section>
  );
}
