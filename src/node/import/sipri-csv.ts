import { parse } from 'csv-parse/sync';
import type { Indicator, SourceInfo, Unit } from '../../core/data/types.js';
import { fileError, type ImportedEdition, location, type Plain, SeriesCollector, show } from './common.js';
import { readSipriGrid, type SipriGrid, sipriRelease } from './sipri-xlsx.js';

/** The title line SIPRI puts above each sheet, as a CSV export keeps it. */
const TITLE = /^\uFEFF?\s*"?Military expenditure by country\b/;

/**
 * Tell whether `text` starts like one sheet of SIPRI's Milex workbook saved as CSV: its title line
 * "Military expenditure by country, …".
 *
 * @example isSipriCsv('"Military expenditure by country, in constant (2024) US$ m., 1949–2025   © SIPRI 2026",,,') // true
 */
export function isSipriCsv(text: string): boolean {
  return TITLE.test(text.slice(0, 400));
}

/** What a sheet's title says it holds. */
function sheetOf(title: string): { name: string; indicator: Indicator; unit: Unit; factor: number } | undefined {
  const constant = /constant \((\d{4})\) US\$/i.exec(title);
  if (constant !== null)
    return { name: title, indicator: 'milex_usd_constant', unit: `USD_m_const${Number(constant[1])}`, factor: 1 };
  if (/current US\$/i.test(title))
    return { name: title, indicator: 'milex_usd_current', unit: 'USD_m_current', factor: 1 };
  // SIPRI's share sheet holds fractions (0.0123): stored as percent.
  if (/share of (GDP|gross domestic product)|percentage of gross domestic product/i.test(title))
    return { name: title, indicator: 'milex_share_gdp', unit: 'pct_GDP', factor: 100 };
  return undefined;
}

/**
 * Read one sheet of SIPRI's Milex workbook as a user saves it as CSV — the title lines, the legend,
 * a `Country,,Notes,1949,…` header, region label rows, `...` (no data) and `xxx` (no such state)
 * placeholders and the Notes column — into series of the release the title names ("© SIPRI 2026":
 * `sipri-2026`). The export has lost SIPRI's colour flags (estimates in blue, highly uncertain in
 * red): the import says so in its warnings, and no value carries an estimate flag.
 *
 * @param bytes the file's content (UTF-8, with or without a byte-order mark)
 * @param file the file name, for messages
 * @throws {DataFileError} naming the file, row and column: a title that is not SIPRI's or names no
 *   measure, no header, a row cut short (a truncated file), a value that is not a number (a decimal
 *   comma), out of range, or a country twice
 * @example sipriFromCsv(readFileSync('SIPRI-Milex-data-1949-2025_v1.2_constant2024USD_user-export.csv'), 'f.csv').source.id // 'sipri-2026'
 */
export function sipriFromCsv(bytes: Buffer, file: string): ImportedEdition {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw fileError(
      'bad-csv',
      `is not a readable CSV (${e.message}); expected one sheet of SIPRI's workbook saved as CSV`,
      file,
      undefined,
      e.lines,
    );
  }
  const title = (records[0]?.[0] ?? '').trim();
  const sheet = sheetOf(title);
  if (!TITLE.test(title) || sheet === undefined) {
    throw fileError(
      'unknown-sheet',
      `the title ${show(title)} is not one of SIPRI's sheets; expected "Military expenditure by country, in constant (YYYY) US$ m., …", "… in current US$ m., …" or "… as a share of GDP …"`,
      file,
      undefined,
      1,
      1,
    );
  }
  const copyright = /©\s*SIPRI\s+(\d{4})/.exec(title);
  const base = /constant \((\d{4})\)/i.exec(title);
  const release = copyright !== null ? Number(copyright[1]) : base !== null ? sipriRelease(Number(base[1])) : undefined;
  if (release === undefined) {
    throw fileError(
      'unknown-release',
      `the title ${show(title)} names no release; expected "© SIPRI YYYY" or a constant-price year in it`,
      file,
      undefined,
      1,
      1,
    );
  }
  const headerIndex = records.findIndex((r) => (r[0] ?? '').trim() === 'Country');
  const width = headerIndex >= 0 ? (records[headerIndex]?.length ?? 0) : 0;
  // A row shorter than the header is a file cut short (every row of SIPRI's export has every column).
  for (let i = headerIndex + 1; headerIndex >= 0 && i < records.length; i++) {
    const r = records[i] as string[];
    if (r.length === 1 && r[0] === '' && i === records.length - 1) continue;
    if (r.length < width) {
      throw fileError(
        'truncated',
        `row has ${r.length} of the header's ${width} columns; the file is cut short or damaged (export the sheet again)`,
        file,
        undefined,
        i + 1,
      );
    }
  }
  const grid: SipriGrid = {
    name: undefined,
    rowCount: records.length,
    columnCount: width,
    cell: (r, c) => {
      const v = records[r - 1]?.[c - 1];
      const value: Plain = v === undefined || v.trim() === '' ? null : v;
      return { value, flag: '.' };
    },
  };
  const source: SourceInfo = {
    id: `sipri-${release}`,
    publisher: 'SIPRI',
    title: 'SIPRI Military Expenditure Database',
    edition: String(release),
    released: release,
    basis: 'military expenditure as SIPRI defines it',
    citation: `SIPRI Military Expenditure Database ${release}, https://www.sipri.org/databases/milex`,
    terms: 'Non-commercial use; at most 10 % of the database reproduced',
  };
  const out = new SeriesCollector();
  const unknown = new Map<string, string>();
  readSipriGrid(grid, file, source.id, sheet, out, unknown);
  const warnings = [
    `${location(file)}: a CSV export of one sheet (${sheet.indicator}, ${sheet.unit}) has lost SIPRI's colour flags: no value is marked as a SIPRI estimate (blue) or highly uncertain (red); import the workbook to keep them`,
    ...[...unknown].map(
      ([name, where]) => `${where}: country "${name}" is not known; its rows were skipped (add it to COUNTRY_ALIASES)`,
    ),
  ];
  return { format: 'sipri-csv', source, series: out.series(), warnings };
}
