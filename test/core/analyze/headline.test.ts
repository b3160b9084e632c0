import { describe, expect, it } from 'vitest';
import { headline } from '../../../src/core/analyze/headline.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { PRESET_SCENARIOS } from '../../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../../src/core/scenario/schema.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();
const preset = (id: string) => PRESET_SCENARIOS.find((p) => p.id === id)?.input as ScenarioInput;
const hague = simulate(preset('hague-met'), dataset);
const status = simulate(preset('status-quo'), dataset);

describe('headline', () => {
  it("reads each figure from the run's own series, in 2035 and in the last year", () => {
    const h = headline(hague);
    expect([h.midYear, h.endYear]).toEqual([2035, 2049]);
    const k = hague.years.indexOf(2035);
    const fig = (id: string) => h.figures.find((f) => f.id === id)?.value;
    expect(fig('russia-burden-mid')).toBeCloseTo(
      100 * (hague.actors.find((a) => a.iso3 === 'RUS')?.burden[k] as number),
      12,
    );
    expect(fig('allies-at-35')).toBe(hague.indicators.alliesAt35[k]);
    // Every ally at 3.5 % by 2035 when the Hague pledge binds.
    expect(fig('allies-at-35')).toBe(hague.indicators.allies[k]);
    expect(fig('balance-end')).toBe(hague.indicators.balanceEuropeCanada.at(-1));
    expect(h.figures.some((f) => f.id === 'nato-extra-spending')).toBe(false);
    expect(h.text).toMatch(/^In 2035 NATO spends 3\.\d\d % of GDP/);
  });

  it('against itself every difference is zero; against the status quo the extra spending is the sum of the yearly gaps', () => {
    for (const f of headline(status, status).figures) expect(f.difference).toBe(0);
    const h = headline(hague, status);
    const nato = (r: typeof hague) => r.blocs.find((b) => b.id === 'NATO')?.spending as readonly number[];
    const gaps = hague.years.map((_, k) => ((nato(hague)[k] as number) - (nato(status)[k] as number)) / 1000);
    const extra = h.figures.find((f) => f.id === 'nato-extra-spending');
    expect(extra?.value).toBeCloseTo(
      gaps.reduce((a, b) => a + b, 0),
      6,
    );
    expect(extra?.value).toBeGreaterThan(0);
    const rusBloc = (r: typeof hague) => r.blocs.find((b) => b.id === 'RUS_BLOC')?.spending as readonly number[];
    const rusGaps = hague.years.map((_, k) => ((rusBloc(hague)[k] as number) - (rusBloc(status)[k] as number)) / 1000);
    expect(h.figures.find((f) => f.id === 'russia-extra-spending')?.value).toBeCloseTo(
      rusGaps.reduce((a, b) => a + b, 0),
      6,
    );
    const rus = h.figures.find((f) => f.id === 'russia-burden-end');
    expect(rus?.difference).toBeCloseTo((rus?.value as number) - (rus?.baseline as number), 12);
    expect(h.text).toContain('Against "Status quo, 2 % held"');
  });

  it('uses the last year for a run that ends before 2035, and refuses a baseline over other years', () => {
    const short = simulate({ end: 2030 }, dataset);
    expect(headline(short).midYear).toBe(2029);
    expect(() => headline(hague, short)).toThrow(/the baseline covers 2025–2029/);
  });
});
