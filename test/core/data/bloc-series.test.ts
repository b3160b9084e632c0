import { describe, expect, it } from 'vitest';
import { blocSeries } from '../../../src/core/data/bloc-series.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();
const value = (iso3: string, y: number) =>
  dataset.observation(iso3, 'milex_usd_constant', 'sipri-2025', y)?.value as number;

describe('blocSeries', () => {
  const nato = blocSeries(dataset, 'NATO', (y) => dataset.members(y), 1993, 2024);

  it('sums the members of each year', () => {
    const members2024 = dataset
      .members(2024)
      .filter((c) => dataset.observation(c, 'milex_usd_constant', 'sipri-2025', 2024));
    expect(nato.level.at(-1)).toBeCloseTo(
      members2024.reduce((s, c) => s + value(c, 2024), 0),
      6,
    );
    expect(nato.unit).toBe('USD_m_const2023');
  });

  it('chain-links growth over the same countries, so the 1999 enlargement adds no growth', () => {
    const k = nato.years.indexOf(1999);
    const old = dataset
      .members(1999)
      .filter(
        (c) => !['CZE', 'HUN', 'POL'].includes(c) && dataset.observation(c, 'milex_usd_constant', 'sipri-2025', 1998),
      );
    const withNew = dataset
      .members(1999)
      .filter((c) => dataset.observation(c, 'milex_usd_constant', 'sipri-2025', 1998));
    const expected =
      withNew.reduce((s, c) => s + value(c, 1999), 0) / withNew.reduce((s, c) => s + value(c, 1998), 0) - 1;
    expect(nato.growth[k]).toBeCloseTo(expected, 12);
    expect(old.length).toBeLessThan(withNew.length);
    expect(nato.growth[0]).toBeNull();
    expect(nato.chained[0]).toBe(nato.level[0]);
  });

  it("gives Russia's own series for a one-country bloc", () => {
    const rus = blocSeries(dataset, 'Russia', () => ['RUS'], 1993, 2024);
    expect(rus.growth[rus.years.indexOf(2024)]).toBeCloseTo(value('RUS', 2024) / value('RUS', 2023) - 1, 12);
    expect(() => blocSeries(dataset, 'Russia', () => ['RUS'], 1985, 1990)).toThrow(
      /no member has a figure in sipri-2025 for 1985/,
    );
  });
});
