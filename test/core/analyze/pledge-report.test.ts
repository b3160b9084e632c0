import { describe, expect, it } from 'vitest';
import { pledgeReport } from '../../../src/core/analyze/pledge-report.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { InputError } from '../../../src/core/errors.js';

const dataset = loadDataset();

// Counts NATO published with each edition: 3 allies at 2 % in 2014; "In 2024, only 18 … compared
// to ten a year earlier" (2025 edition, August 2025); 23 in 2024 (June 2024 edition). The July 2026
// edition, on the core-defence basis of the Hague target: 17 in 2024, 28 in 2025e, 30 in 2026e
// (Slovenia below); at 3.5 %, 4 in 2025e and 5 in 2026e (data/SOURCES.md, shared README §10).
describe('pledgeReport counts against NATO', () => {
  it.each([
    ['2026', 2014, 0.02, 3, 28],
    ['2026', 2024, 0.02, 17, 32],
    ['2026', 2025, 0.02, 28, 32],
    ['2026', 2026, 0.02, 30, 32],
    ['2026', 2025, 0.035, 4, 32],
    ['2026', 2026, 0.035, 5, 32],
  ])('edition %s, year %i, threshold %f: %i allies of %i', (edition, year, threshold, meets, members) => {
    const r = pledgeReport(dataset, { year, edition, threshold });
    expect(r.counts.meets).toBe(meets);
    expect(r.counts.members).toBe(members);
    expect(r.counts.reported).toBe(members - 1);
    expect(r.basis).toMatch(/^core defence expenditure/);
  });

  it('finds Slovenia the one ally below 2 % in 2026 by NATO estimates', () => {
    const r = pledgeReport(dataset, { year: 2026 });
    expect(r.rows.filter((x) => x.meets === false).map((x) => x.iso3)).toEqual(['SVN']);
    expect(r.rows.find((x) => x.iso3 === 'SVN')).toMatchObject({ burdenPct: 1.61, flag: 'e' });
  });

  it.each([
    ['2025', 2014, 3, 28],
    ['2025', 2023, 10, 31],
    ['2025', 2024, 18, 32],
    ['2024', 2014, 3, 28],
    ['2024', 2024, 23, 32],
  ])('edition %s, year %i: %i allies at 2 %% of %i', (edition, year, meets, members) => {
    const r = pledgeReport(dataset, { year, edition });
    expect(r.counts.meets).toBe(meets);
    expect(r.counts.members).toBe(members);
    expect(r.counts.reported).toBe(members - 1); // Iceland: no armed forces, no NATO figure
    expect(r.counts.missing).toEqual(['ISL']);
  });

  it('defaults to the latest edition and its latest year', () => {
    const r = pledgeReport(dataset);
    expect(r.source).toBe('nato-2026');
    expect(r.year).toBe(2026);
  });

  it('reports the 2025 estimates of the 2025 edition that exist and never counts the missing ones', () => {
    const r = pledgeReport(dataset, { year: 2025, edition: '2025', includePress: false });
    expect(r.counts.reported).toBe(4); // France, Poland, United Kingdom, United States
    expect(r.counts.expected).toBe(31);
    expect(r.counts.missing).toHaveLength(28);
    expect(r.rows.find((x) => x.iso3 === 'DEU')).toMatchObject({ burdenPct: null, meets: null, rank: null });
  });

  it('shows press-quoted figures flagged, with their URL, and counts them apart', () => {
    const r = pledgeReport(dataset, { year: 2025, edition: '2025' });
    const nor = r.rows.find((x) => x.iso3 === 'NOR');
    expect(nor).toMatchObject({ burdenPct: 3.35, flag: 's', source: 'nato-2025-press', meets: true });
    expect(nor?.urls?.length).toBeGreaterThan(0);
    // Poland is in NATO's table: the table wins over the press.
    expect(r.rows.find((x) => x.iso3 === 'POL')).toMatchObject({ source: 'nato-2025', flag: 'e' });
    expect(r.counts.reported).toBe(4);
    expect(r.counts.pressReported).toBe(13);
    // "exactly 2 %" meets 2 %.
    expect(r.rows.find((x) => x.iso3 === 'ESP')?.meets).toBe(true);
  });

  it('ranks by burden, computes the gap in points and in dollars from the edition GDP', () => {
    const r = pledgeReport(dataset, { year: 2024, edition: '2024' });
    const first = r.rows[0];
    expect(first?.rank).toBe(1);
    expect(first?.iso3).toBe('POL');
    const ranks = r.rows.filter((x) => x.rank !== null).map((x) => x.burdenPct as number);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const esp = r.rows.find((x) => x.iso3 === 'ESP');
    const burden = dataset.observation('ESP', 'milex_share_gdp', 'nato-2024', 2024)?.value as number;
    const gdp = dataset.observation('ESP', 'gdp_usd_current', 'nato-2024', 2024)?.value as number;
    expect(esp?.gapPp).toBeCloseTo(2 - burden, 12);
    expect(esp?.gapUsdM).toBeCloseTo(((2 - burden) / 100) * gdp, 6);
    expect(esp?.gdpSource).toBe('nato-2024');
  });

  it('uses the published NATO totals and computes SIPRI totals from spending and GDP', () => {
    const nato = pledgeReport(dataset, { year: 2024 });
    expect(nato.totals[0]).toMatchObject({ iso3: 'NATO_TOTAL', basis: 'published' });
    const sipri = pledgeReport(dataset, { year: 2024, source: 'sipri' });
    expect(sipri.source).toBe('sipri-2026');
    expect(sipri.totals[0]?.basis).toBe('computed');
    expect(sipri.totals[0]?.burdenPct).toBeGreaterThan(2);
    expect(sipri.totals[0]?.burdenPct).toBeLessThan(4);
  });

  it('counts a higher threshold', () => {
    const r = pledgeReport(dataset, { year: 2024, threshold: 0.035 });
    const expected = r.rows.filter((x) => (x.burdenPct ?? 0) >= 3.5).length;
    expect(r.counts.meets).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it.each([
    [{ year: 2013 }, 'unknown-year', /2014 to 2026/],
    [{ year: 2027 }, 'unknown-year', /2014 to 2026/],
    [{ year: 2026, edition: '2025' }, 'unknown-year', /2014 to 2025/],
    [{ threshold: 0 }, 'bad-threshold', /above 0 and below 1/],
    [{ threshold: 2 }, 'bad-threshold', /above 0 and below 1/],
    [{ source: 'imf' }, 'unknown-source', /nato or sipri/],
    [{ edition: '2019' }, 'unknown-edition', /2026, 2025, 2024/],
  ])('rejects %o with %s', (options, code, message) => {
    const run = () => pledgeReport(dataset, options);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as InputError).code).toBe(code);
    }
  });
});
