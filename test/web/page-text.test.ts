import { describe, expect, it } from 'vitest';
import { lastYear, observationAt } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { alliesWithBurdens, latestBurdenText } from '../../web/src/ally-burdens.js';
import { resetLabel, START } from '../../web/src/levers.js';

const dataset = loadDataset();

describe("the compliance table's latest burdens", () => {
  it('formats a burden in % of GDP as it is, with its year and source', () => {
    expect(latestBurdenText({ iso3: 'POL', name: 'Poland', burden: 4.154394, year: 2024 })).toBe(
      '4.15 % (2024, SIPRI)',
    );
    expect(latestBurdenText({ iso3: 'ALB', name: 'Albania', burden: 2.037862, year: 2024 })).toBe(
      '2.04 % (2024, SIPRI)',
    );
    expect(latestBurdenText({ iso3: 'ISL', name: 'Iceland' })).toBe('no figure');
  });

  it("shows every ally's latest SIPRI figure as the data hold it, not a hundred times it", () => {
    const sipri = dataset.latestEdition('sipri-', 'milex_share_gdp') as string;
    const allies = alliesWithBurdens(dataset, START);
    expect(allies.map((a) => a.iso3).sort()).toEqual([...dataset.members(START)].sort());
    for (const iso3 of ['POL', 'ALB', 'USA']) {
      const series = dataset.series(iso3, 'milex_share_gdp', sipri);
      const year = series === undefined ? undefined : lastYear(series);
      const value = series === undefined || year === undefined ? undefined : observationAt(series, year)?.value;
      const ally = allies.find((a) => a.iso3 === iso3);
      expect(ally?.year).toBe(year);
      expect(ally?.burden).toBe(value);
      expect(latestBurdenText(ally as NonNullable<typeof ally>)).toBe(`${value?.toFixed(2)} % (${year}, SIPRI)`);
    }
    for (const a of allies) if (a.burden !== undefined) expect(a.burden).toBeLessThan(20); // % of GDP, not ×100
  });
});

describe("the levers' reset buttons", () => {
  it('keep the capitals of proper nouns in their accessible names', () => {
    expect(resetLabel("Russia's threat elasticity", '1.06')).toBe('Reset "Russia\'s threat elasticity" to 1.06');
    expect(resetLabel("Ukraine's accession year", '2030')).toContain("Ukraine's");
    expect(resetLabel('US projection floor', '0.50')).toContain('US projection floor');
  });
});

describe('names shown to users', () => {
  it('spell Ukraine\'s capital Kyiv (Natural Earth\'s column says "Kiev")', () => {
    expect(dataset.country('UKR')?.capital?.name).toBe('Kyiv');
    const names = dataset.data.countries.flatMap((c) => [c.name, c.capital?.name ?? '']);
    expect(names.filter((n) => /kiev/i.test(n))).toEqual([]);
  });
});
