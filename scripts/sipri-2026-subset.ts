/**
 * Write `data/sipri_milex_subset_2026release.csv`: SIPRI's 2025 shares of GDP (release of April
 * 2026) for the countries of the 2025 subset, from the transcribed 2015/2025 extract of that release
 * (decimal commas, "..." = no data). Run once by a maintainer with the folder that holds the extract:
 *
 *   npx tsx scripts/sipri-2026-subset.ts <folder>/sipri_2026release_2015_2025_extract.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { countryIso3 } from '../src/node/import/country-names.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extract = process.argv[2];
if (extract === undefined) throw new Error('give the path of sipri_2026release_2015_2025_extract.csv');
const wanted = new Set(
  (
    parse(readFileSync(join(root, 'data/sipri_milex_subset_2025release.csv'), 'utf8'), { columns: true }) as {
      iso3: string;
    }[]
  ).map((r) => r.iso3),
);
const rows = parse(readFileSync(extract, 'utf8'), { columns: true }) as Record<string, string>[];
const SHARE = 'Military expenditure % of GDP, 2025';
const out: (string | number)[][] = [['iso3', 'country', 'year', 'indicator', 'value', 'unit', 'source']];
for (const r of rows) {
  const iso3 = countryIso3(r.Country ?? '');
  if (iso3 === undefined || !wanted.has(iso3)) continue;
  const raw = (r[SHARE] ?? '').trim();
  if (raw === '' || raw === '...') continue;
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 150) throw new Error(`${r.Country}: "${raw}" is not a share`);
  out.push([
    iso3,
    r.Country as string,
    2025,
    'milex_share_gdp',
    value,
    'pct_GDP',
    'SIPRI-Milex-2026 (2015/2025 extract)',
  ]);
}
const [header, ...body] = out;
body.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const target = join(root, 'data/sipri_milex_subset_2026release.csv');
writeFileSync(target, stringify([header as (string | number)[], ...body]));
console.log(`${out.length - 1} values -> ${target}`);
