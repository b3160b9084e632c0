import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Indicator, SourceInfo, Unit } from '../../core/data/types.js';
import { fileError, type ImportedEdition, isNumericText, SeriesCollector, show, valueProblem } from './common.js';
import { isZip, zipEntries, zipRead } from './zip.js';

/** The World Development Indicators read, by indicator code, with the unit conversion applied. */
export const WDI_INDICATORS: Readonly<Record<string, { indicator: Indicator; unit: Unit; factor: number }>> = {
  'MS.MIL.XPND.GD.ZS': { indicator: 'milex_share_gdp', unit: 'pct_GDP', factor: 1 },
  'NY.GDP.MKTP.CD': { indicator: 'gdp_usd_current', unit: 'USD_m_current', factor: 1e-6 },
  'NY.GDP.MKTP.KD': { indicator: 'gdp_usd_constant', unit: 'USD_m_const2015', factor: 1e-6 },
};

const REQUIRED_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'] as const;

/**
 * Tell whether `text` starts like a World Bank WDI indicator download (`"Data Source","World Development Indicators"`).
 *
 * @example isWorldBankCsv('\uFEFF"Data Source","World Development Indicators",\r\n') // true
 */
export function isWorldBankCsv(text: string): boolean {
  return /^\uFEFF?\s*"?Data Source"?\s*,/.test(text.slice(0, 200));
}

/** Convert US$ to million US$ and round away the float noise of the division. */
const scale = (v: number, factor: number): number => (factor === 1 ? v : Math.round(v * factor * 1e6) / 1e6);

/**
 * Get the CSV text of a World Bank download: the file itself, or the `API_*.csv` member of the zip the download
 * button delivers.
 *
 * @param bytes the file's content
 * @param file the file name, for messages
 * @throws {DataFileError} `damaged-zip` or `no-csv-in-zip` for a zip without an `API_*.csv` member
 * @example worldBankCsvText(readFileSync('API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.zip'), 'f.zip')
 */
export function worldBankCsvText(bytes: Buffer, file: string): { text: string; member?: string } {
  if (!isZip(bytes)) return { text: bytes.toString('utf8') };
  const entries = zipEntries(bytes, file);
  const entry = entries.find((e) => /^API_.*\.csv$/i.test(basename(e.name)));
  if (entry === undefined) {
    throw fileError(
      'no-csv-in-zip',
      `the zip holds no API_*.csv member (found: ${entries.map((e) => `"${e.name}"`).join(', ')}); ` +
        'expected the zip of a World Bank indicator download, or unzip it and import its API_*.csv',
      file,
    );
  }
  return { text: zipRead(bytes, entry, file).toString('utf8'), member: entry.name };
}

/**
 * Read a World Bank WDI indicator download (`API_<code>_DS2_en_csv_v2_<n>.csv`, or the .zip holding it) into
 * series by indicator code: MS.MIL.XPND.GD.ZS → `milex_share_gdp` (percent of GDP), NY.GDP.MKTP.CD →
 * `gdp_usd_current` (US$ converted to million US$), NY.GDP.MKTP.KD → `gdp_usd_constant` (million 2015 US$).
 * Empty cells stay missing. Rows are keyed by the file's `Country Code`, aggregates (WLD, EUU …) included.
 *
 * @param file path of the .csv or .zip
 * @returns the edition `wdi-<YYYY-MM>` of the file's "Last Updated Date"
 * @throws {DataFileError} when the preamble, a column, an indicator code or a number is missing or malformed
 * @example (await readWorldBankCsv('API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv')).source.id // 'wdi-2026-02'
 */
export async function readWorldBankCsv(file: string): Promise<ImportedEdition> {
  return worldBankFromBytes(await readFile(file), file);
}

/**
 * Read the bytes of a World Bank download; see {@link readWorldBankCsv}.
 *
 * @param file the file name, for messages
 * @throws {DataFileError} as {@link readWorldBankCsv}
 * @example worldBankFromBytes(readFileSync(f), f).series.length
 */
export function worldBankFromBytes(bytes: Buffer, file: string): ImportedEdition {
  const { text, member } = worldBankCsvText(bytes, file);
  const where = member === undefined ? file : `${file}!${member}`;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (e) {
    throw fileError(
      'bad-csv',
      `cannot be parsed as CSV (${(e as Error).message}); expected a World Bank WDI CSV`,
      where,
    );
  }
  let updated: string | undefined;
  let headerIndex = -1;
  for (let i = 0; i < records.length; i++) {
    const cells = records[i]?.record ?? [];
    const first = (cells[0] ?? '').trim();
    if (first === 'Last Updated Date') updated = (cells[1] ?? '').trim();
    if (first === 'Country Name' || (cells.length > 3 && cells.includes('Indicator Code'))) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    throw fileError(
      'missing-header',
      'no header row; expected a row starting "Country Name","Country Code","Indicator Name","Indicator Code","1960",…',
      where,
    );
  }
  const header = records[headerIndex] as { record: string[]; info: { lines: number } };
  const headerLine = header.info.lines;
  const col = new Map<string, number>();
  const years = new Map<number, number>();
  header.record.forEach((h, i) => {
    const t = h.trim();
    if (/^\d{4}$/.test(t)) years.set(i, Number(t));
    else if (t !== '') col.set(t, i);
  });
  const absent = REQUIRED_COLUMNS.filter((c) => !col.has(c));
  if (absent.length > 0) {
    throw fileError(
      'missing-column',
      `the header has no column ${absent.map((a) => `"${a}"`).join(', ')}; expected columns ` +
        `${REQUIRED_COLUMNS.map((c) => `"${c}"`).join(', ')} and the years`,
      where,
      undefined,
      headerLine,
    );
  }
  for (const [name, i] of col) {
    if (!(REQUIRED_COLUMNS as readonly string[]).includes(name)) {
      throw fileError(
        'bad-year',
        `header ${show(name)} is not a year; expected ${REQUIRED_COLUMNS.map((c) => `"${c}"`).join(', ')} or a year such as "2024"`,
        where,
        undefined,
        headerLine,
        i + 1,
      );
    }
  }
  if (years.size === 0) {
    throw fileError(
      'missing-header',
      'the header holds no year columns; expected "1960", …, "2024"',
      where,
      undefined,
      headerLine,
    );
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(updated ?? '');
  if (m === null) {
    throw fileError(
      'missing-date',
      `${updated === undefined ? 'no "Last Updated Date" line' : `"Last Updated Date" is ${show(updated)}`}; ` +
        'expected a line "Last Updated Date","YYYY-MM-DD" above the header',
      where,
    );
  }
  const codeColumn = col.get('Country Code') as number;
  const indicatorColumn = col.get('Indicator Code') as number;
  const accepted = Object.keys(WDI_INDICATORS);
  const sourceId = `wdi-${m[1]}-${m[2]}`;
  const out = new SeriesCollector();
  const names = new Set<string>();
  const warnings: string[] = [];
  for (const { record, info } of records.slice(headerIndex + 1)) {
    if (record.every((c) => c.trim() === '')) continue;
    const line = info.lines;
    const code = (record[indicatorColumn] ?? '').trim();
    const spec = WDI_INDICATORS[code];
    if (spec === undefined) {
      throw fileError(
        'unknown-indicator',
        `indicator code ${show(code)} is not read; expected one of ${accepted.join(', ')}`,
        where,
        undefined,
        line,
        indicatorColumn + 1,
      );
    }
    names.add((record[col.get('Indicator Name') as number] ?? code).trim());
    const iso3 = (record[codeColumn] ?? '').trim();
    if (!/^[A-Z0-9]{3}$/.test(iso3)) {
      throw fileError(
        'bad-country-code',
        `country code ${show(iso3)} is not a code; expected three capital letters such as "POL"`,
        where,
        undefined,
        line,
        codeColumn + 1,
      );
    }
    if (out.has(iso3, spec.indicator)) {
      warnings.push(`${where}:R${line}: a second row for ${iso3} ${code} was skipped`);
      continue;
    }
    for (const [i, year] of years) {
      const raw = (record[i] ?? '').trim();
      if (raw === '') continue;
      if (!isNumericText(raw)) {
        throw fileError(
          'bad-value',
          `${show(record[i])} is not a number; expected a number or "" (no data)`,
          where,
          undefined,
          line,
          i + 1,
        );
      }
      const value = scale(Number(raw), spec.factor);
      const problem = valueProblem(spec.indicator, value);
      if (problem !== undefined)
        throw fileError('out-of-range', `${show(raw)} ${problem}`, where, undefined, line, i + 1);
      out.add({ iso3, indicator: spec.indicator, unit: spec.unit, source: sourceId }, { year, value });
    }
  }
  const source: SourceInfo = {
    id: sourceId,
    publisher: 'World Bank',
    title: `World Development Indicators${names.size > 0 ? `, ${[...names].sort().join('; ')}` : ''}`,
    edition: updated as string,
    released: Number(m[1]),
    citation: 'World Bank, World Development Indicators (CC BY 4.0)',
    terms: 'CC BY 4.0',
  };
  return { format: 'worldbank-csv', source, series: out.series(), warnings };
}
