import { describe, expect, it } from 'vitest';
import { alliesRanked } from '../../src/core/charts/allies-ranked.js';
import { CHARTS } from '../../src/core/charts/charts.js';
import { ENSEMBLE_CHARTS } from '../../src/core/charts/fan/index.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { formatCell, specTable } from '../../web/src/chart-table.js';

const dataset = loadDataset();
const result = simulate(parseScenario('end: 2035'), dataset);
const chart = (id: string) => CHARTS.find((c) => c.id === id) as (typeof CHARTS)[number];

describe("a chart's numbers as a table", () => {
  it('gives every chart of a run a table of its series by year, the years of the run as rows', () => {
    for (const c of CHARTS) {
      const table = specTable(c.spec(result, { interactive: true }));
      expect(table, c.id).toBeDefined();
      expect(table?.columns[0]).toBe('Year');
      // Every year of the run, but those without a value (race intensity has none in its first year).
      const years = table?.rows.map((r) => Number(r[0])) ?? [];
      expect(years).toEqual(result.years.filter((y) => years.includes(y)));
      expect(years.length).toBeGreaterThanOrEqual(result.years.length - 1);
      for (const row of table?.rows ?? []) expect(row.length).toBe(table?.columns.length);
    }
  });

  it("holds Russia's burden in % of GDP as the run has it, one column per line of the chart", () => {
    const table = specTable(chart('russia-burden').spec(result, { interactive: true }));
    const rus = result.actors.find((a) => a.iso3 === 'RUS');
    expect(table?.columns).toContain(rus?.name);
    const k = table?.columns.indexOf(rus?.name as string) as number;
    const first = table?.rows[0]?.[k];
    expect(first).toBe(((rus?.burden[0] as number) * 100).toFixed(2));
    expect(table?.caption).toBe("Russia's military burden");
    expect(table?.note).toContain('Values: Military expenditure, % of GDP');
  });

  it("names every ally in the allies' table", () => {
    const table = specTable(chart('allies-burden').spec(result, { interactive: true }));
    for (const name of ['Poland', 'Germany', 'United States']) expect(table?.columns).toContain(name);
  });

  it('lists the ranked allies one row each, named first', () => {
    const table = specTable(alliesRanked(result, { year: 2030, interactive: true }));
    expect(table?.columns[0]).toBe('Name');
    expect(table?.columns).toContain('% of GDP');
    const allies = result.actors.filter((a) => a.ally[result.years.indexOf(2030)] === true);
    expect(table?.rows.length).toBe(allies.length);
  });

  it("gives a fan's median and 5–95 % band, and the events' probabilities", () => {
    const ensemble = runEnsemble(parseScenario('end: 2030'), dataset, { runs: 20, seed: 1 });
    const fan = ENSEMBLE_CHARTS.find((c) => c.id === 'fan-russia-burden');
    const table = specTable(fan?.spec(ensemble, { interactive: true }) as never);
    expect(table?.columns.some((c) => c.endsWith(', median'))).toBe(true);
    expect(table?.columns.some((c) => c.endsWith(', 95th percentile'))).toBe(true);
    const events = ENSEMBLE_CHARTS.find((c) => c.id === 'event-probabilities');
    const probabilities = specTable(events?.spec(ensemble, { interactive: true }) as never);
    // The whiskers' two ends share the axis: their names tell them apart.
    expect(probabilities?.columns).toEqual(
      expect.arrayContaining(['Name', 'Probability, % of members (low)', 'Probability, % of members (high)']),
    );
    expect(probabilities?.rows.length).toBe(ensemble.events.length);
  });

  it('heads a single unnamed series by its axis', () => {
    const table = specTable(chart('race-intensity').spec(result, { interactive: true }));
    expect(table?.columns).toEqual(['Year', 'Race intensity, % per year']);
    expect(table?.rows[0]?.[0]).toBe(String(result.years[1]));
  });

  it('formats numbers by their size and shows a missing one as a dash', () => {
    expect([formatCell(3), formatCell(1234.56), formatCell(2.345), formatCell(0.012345)]).toEqual([
      '3',
      '1,235',
      '2.35',
      '0.0123',
    ]);
    expect([formatCell(null), formatCell(Number.NaN), formatCell('x')]).toEqual(['—', '—', 'x']);
  });
});
