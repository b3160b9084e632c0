import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();

// Member counts by year: 12 founders (1949), then Greece and Türkiye (1952), Germany (1955),
// Spain (1982), three in 1999, seven in 2004, two in 2009, Montenegro (2017), North Macedonia
// (2020), Finland (2023), Sweden (2024) — NATO, "Member countries".
describe('membership timeline', () => {
  it.each([
    [1948, 0],
    [1949, 12],
    [1952, 14],
    [1955, 15],
    [1982, 16],
    [1999, 19],
    [2004, 26],
    [2009, 28],
    [2014, 28],
    [2017, 29],
    [2020, 30],
    [2022, 30],
    [2023, 31],
    [2024, 32],
    [2035, 32],
  ])('counts the allies of %i as %i', (year, count) => {
    expect(dataset.members(year)).toHaveLength(count);
  });

  it('dates Finland and Sweden to their accessions', () => {
    expect(dataset.isMember('FIN', 2022)).toBe(false);
    expect(dataset.isMember('FIN', 2023)).toBe(true);
    expect(dataset.accession('SWE')?.date).toBe('2024-03-07');
    expect(dataset.isMember('UKR', 2035)).toBe(false);
    expect(dataset.isMember('RUS', 2024)).toBe(false);
  });
});
