import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPublishedFile } from '../../../src/node/import/index.js';
import { at, pick, rejection, SIPRI_2026_CSV, tempDir } from './helpers.js';

const put = (dir: string, name: string, bytes: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

describe("SIPRI's sheet saved as CSV by a user", () => {
  const dir = tempDir();

  it('reads the 2026 release in constant 2024 US$, with Notes, region rows, "...", "…" and "xxx"', async () => {
    const e = await readPublishedFile(SIPRI_2026_CSV);
    expect(e.format).toBe('sipri-csv');
    expect(e.source).toMatchObject({ id: 'sipri-2026', released: 2026 });
    const pol = pick(e.series, 'POL', 'milex_usd_constant');
    expect(pol.unit).toBe('USD_m_const2024');
    expect(at(pol, 2025)).toEqual({ value: 42528.1, flag: '.' });
    expect(at(pick(e.series, 'RUS', 'milex_usd_constant'), 2025).value).toBe(158236.4);
    expect(pick(e.series, 'RUS', 'milex_usd_constant').breaks?.[0]?.year).toBe(1992);
    expect(pol.note).toBe('SIPRI notes 78');
    // Cuba's row is all "…": no series; Estonia's "xxx" years are missing, not zero.
    expect(e.series.some((s) => s.iso3 === 'CUB')).toBe(false);
    expect(at(pick(e.series, 'EST', 'milex_usd_constant'), 1960).value ?? null).toBeNull();
    expect(e.series.map((s) => s.iso3).sort()).toEqual(['BLR', 'DEU', 'EST', 'POL', 'RUS', 'UKR']);
    expect(e.warnings[0]).toMatch(/has lost SIPRI's colour flags: no value is marked as a SIPRI estimate/);
  });

  it.each([
    [
      'truncated.csv',
      (t: string) => t.slice(0, t.indexOf('Germany') + 200),
      /truncated\.csv:R\d+: row has \d+ of the header's 80 columns; the file is cut short/,
    ],
    [
      'not-sipri.csv',
      (t: string) => t.replace('Military expenditure by country', 'Defence budgets by nation'),
      /content matches no known format \(first line/,
    ],
    [
      'other-title.csv',
      (t: string) => t.replace('in constant (2024) US$ m.', 'per soldier'),
      /other-title\.csv:R1:C1: the title .* is not one of SIPRI's sheets/,
    ],
    [
      'commas.csv',
      (t: string) => t.replace(',42528.1', ',"42528,1"'),
      /commas\.csv:R\d+:C80: "42528,1" is not a number/,
    ],
  ])('refuses a damaged variant: %s', async (name, damage, message) => {
    const text = readFileSync(SIPRI_2026_CSV, 'utf8');
    const e = await rejection(readPublishedFile(put(dir, name, damage(text))));
    expect(e.message).toMatch(message);
  });

  it('refuses an empty file', async () => {
    const e = await rejection(readPublishedFile(put(dir, 'empty.csv', '')));
    expect(e.code).toBe('empty-file');
  });
});

// The whole export (174 countries, ~13,000 values) is not copied into the project (SIPRI's terms):
// these tests run when ARMSRACE_SIPRI_2026_CSV names the file, and are reported skipped otherwise.
const WHOLE = process.env.ARMSRACE_SIPRI_2026_CSV;
describe.runIf(WHOLE !== undefined && WHOLE !== '' && existsSync(WHOLE ?? ''))(
  'the whole 2026 CSV export (needs ARMSRACE_SIPRI_2026_CSV: the path of SIPRI-Milex-data-1949-2025_v1.2_constant2024USD_user-export.csv)',
  () => {
    it('finds India 93,254.7, Russia 158,236.4 and Poland 42,528.1 US$ m at constant 2024 prices in 2025', async () => {
      const e = await readPublishedFile(WHOLE as string);
      const v = (iso3: string) => at(pick(e.series, iso3, 'milex_usd_constant'), 2025).value;
      expect([v('IND'), v('RUS'), v('POL')]).toEqual([93254.7, 158236.4, 42528.1]);
      expect(e.series.length).toBeGreaterThan(150);
    });
  },
);
