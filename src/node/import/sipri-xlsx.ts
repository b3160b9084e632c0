import { readFile } from 'node:fs/promises';
import type { Workbook, Worksheet } from 'exceljs';
import type { Flag, Indicator, SourceInfo, Unit } from '../../core/data/types.js';
import {
  fileError,
  flagOfFont,
  type ImportedEdition,
  isNumericText,
  labelOf,
  location,
  type Plain,
  parseYear,
  plain,
  SeriesCollector,
  show,
  USSR_BREAK,
  valueProblem,
} from './common.js';
import { countryIso3 } from './country-names.js';
import { loadWorkbook } from './xlsx.js';

/** Name of SIPRI's constant-price sheet, e.g. `Constant (2023) US$`; group 1 is the price base year. */
export const SIPRI_CONSTANT_SHEET = /^Constant \((\d{4})\) US\$$/;
/** SIPRI's sheets of military expenditure that are read. */
export const SIPRI_SHARE_SHEET = 'Share of GDP';
export const SIPRI_CURRENT_SHEET = 'Current US$';

/** Text cells that mean "no figure": `...` (or one ellipsis character, as some exports write it) no data (the legend writes `. .`), `xxx` country did not exist. */
const MISSING = new Set(['...', '…', '. .', '..', 'xxx']);
const EXPECTED_CELL = 'expected a number, "..." (no data) or "xxx" (country did not exist)';

/**
 * Tell whether the sheet names look like a SIPRI Milex workbook (any of its expenditure sheets).
 *
 * @example isSipriWorkbook(['Front page', 'Share of GDP']) // true
 */
export function isSipriWorkbook(sheetNames: readonly string[]): boolean {
  return sheetNames.some((n) => n === SIPRI_SHARE_SHEET || n === SIPRI_CURRENT_SHEET || SIPRI_CONSTANT_SHEET.test(n));
}

/**
 * Compute the SIPRI release year for a constant-price base year: SIPRI prices a release at the dollars of two years before.
 *
 * @param baseYear the year in the sheet name `Constant (YYYY) US$`
 * @example sipriRelease(2023) // 2025
 */
export function sipriRelease(baseYear: number): number {
  return baseYear + 2;
}

/**
 * Read a SIPRI Military Expenditure Database workbook as downloaded (the annual `SIPRI-Milex-data-1949-YYYY.xlsx`
 * or an export of the online database) into series `milex_share_gdp` (percent of GDP; SIPRI stores a fraction,
 * multiplied here by 100), `milex_usd_constant` (million US$ at the sheet's constant prices) and
 * `milex_usd_current` (million US$). Blue figures get flag `e`, red ones `u`; `...` and `xxx` stay missing.
 *
 * @param file path of the .xlsx file
 * @returns the edition `sipri-<release>` with release = price base year + 2
 * @throws {DataFileError} when a sheet, the `Country` header, a year or a number is missing or malformed
 * @example (await readSipriXlsx('SIPRI-Milex-data-1949-2024_2.xlsx')).source.id // 'sipri-2025'
 */
export async function readSipriXlsx(file: string): Promise<ImportedEdition> {
  const bytes = await readFile(file);
  return sipriFromWorkbook(await loadWorkbook(bytes, file), file);
}

/**
 * Read an already loaded SIPRI workbook; see {@link readSipriXlsx}.
 *
 * @param file the file name, for messages
 * @throws {DataFileError} as {@link readSipriXlsx}
 * @example sipriFromWorkbook(wb, 'SIPRI-Milex-data-1949-2024_2.xlsx').series.length
 */
export function sipriFromWorkbook(wb: Workbook, file: string): ImportedEdition {
  const names = wb.worksheets.map((w) => w.name);
  const constantName = names.find((n) => SIPRI_CONSTANT_SHEET.test(n));
  const missing = [
    names.includes(SIPRI_SHARE_SHEET) ? undefined : `"${SIPRI_SHARE_SHEET}"`,
    names.includes(SIPRI_CURRENT_SHEET) ? undefined : `"${SIPRI_CURRENT_SHEET}"`,
    constantName === undefined ? '"Constant (YYYY) US$"' : undefined,
  ].filter((m) => m !== undefined);
  if (missing.length > 0 || constantName === undefined) {
    throw fileError(
      'missing-sheet',
      `no sheet ${missing.join(', ')}; expected a SIPRI Milex workbook with sheets "${SIPRI_SHARE_SHEET}", ` +
        `"${SIPRI_CURRENT_SHEET}" and "Constant (YYYY) US$" (found: ${names.map((n) => `"${n}"`).join(', ')})`,
      file,
    );
  }
  const baseYear = Number(SIPRI_CONSTANT_SHEET.exec(constantName)?.[1]);
  const release = sipriRelease(baseYear);
  const source: SourceInfo = {
    id: `sipri-${release}`,
    publisher: 'SIPRI',
    title: 'SIPRI Military Expenditure Database',
    edition: String(release),
    released: release,
    citation: `SIPRI Military Expenditure Database ${release}, https://www.sipri.org/databases/milex`,
    terms: 'Non-commercial use; at most 10 % of the database reproduced',
  };

  const out = new SeriesCollector();
  const unknown = new Map<string, string>();
  const sheets: { name: string; indicator: Indicator; unit: Unit; factor: number }[] = [
    { name: SIPRI_SHARE_SHEET, indicator: 'milex_share_gdp', unit: 'pct_GDP', factor: 100 },
    { name: constantName, indicator: 'milex_usd_constant', unit: `USD_m_const${baseYear}`, factor: 1 },
    { name: SIPRI_CURRENT_SHEET, indicator: 'milex_usd_current', unit: 'USD_m_current', factor: 1 },
  ];
  for (const s of sheets) {
    readSipriGrid(worksheetGrid(wb.getWorksheet(s.name) as Worksheet), file, source.id, s, out, unknown);
  }
  const warnings = [...unknown].map(
    ([name, where]) => `${where}: country "${name}" is not known; its rows were skipped (add it to COUNTRY_ALIASES)`,
  );
  return { format: 'sipri-xlsx', source, series: out.series(), warnings };
}

/**
 * One sheet of SIPRI's table as rows and columns of plain cells (1-based), with each cell's flag:
 * a worksheet of the workbook (flags from the font colour) or a CSV export (no flags).
 */
export interface SipriGrid {
  /** The sheet's name for error locations; `undefined` for a CSV (locations name file, row, column). */
  readonly name: string | undefined;
  readonly rowCount: number;
  readonly columnCount: number;
  cell(row: number, column: number): { readonly value: Plain; readonly flag: Flag };
}

/** An exceljs worksheet as a {@link SipriGrid}. */
function worksheetGrid(ws: Worksheet): SipriGrid {
  return {
    name: ws.name,
    rowCount: ws.rowCount,
    columnCount: Math.max(
      ws.columnCount,
      ...Array.from({ length: Math.min(ws.rowCount, 20) }, (_, r) => ws.getRow(r + 1).cellCount),
    ),
    cell: (r, c) => {
      const cell = ws.getRow(r).getCell(c);
      return { value: plain(cell.value), flag: flagOfFont(cell.font) };
    },
  };
}

/**
 * Read one sheet of SIPRI's table — a header row whose first cell is "Country", then "Notes" and
 * the years; one row per country, region rows without figures skipped — into `out`.
 *
 * @throws {DataFileError} naming the file, sheet, row and column of a missing header, a bad year,
 *   a duplicate country or a value that is not a number or out of range
 */
export function readSipriGrid(
  ws: SipriGrid,
  file: string,
  sourceId: string,
  spec: { name: string; indicator: Indicator; unit: Unit; factor: number },
  out: SeriesCollector,
  unknown: Map<string, string>,
): void {
  const sheet = ws.name;
  let header = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (labelOf(ws.cell(r, 1).value) === 'Country') {
      header = r;
      break;
    }
  }
  if (header === 0) {
    throw fileError(
      'missing-header',
      `no header row; expected a row whose column A is "Country" (followed by "Notes" and the years)`,
      file,
      sheet,
    );
  }
  let notesColumn = 0;
  const years = new Map<number, number>();
  const seen = new Map<number, number>();
  for (let c = 2; c <= ws.columnCount; c++) {
    const v = ws.cell(header, c).value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (typeof v === 'string' && v.trim() === 'Notes') {
      notesColumn = c;
      continue;
    }
    const y = parseYear(v);
    if (y === undefined) {
      throw fileError(
        'bad-year',
        `header ${show(v)} is not a year; expected "Notes" or a year such as 2024 (a number or text)`,
        file,
        sheet,
        header,
        c,
      );
    }
    const before = seen.get(y.year);
    if (before !== undefined) {
      throw fileError(
        'duplicate-year',
        `year ${y.year} appears twice in the header (also column ${before}); expected each year once`,
        file,
        sheet,
        header,
        c,
      );
    }
    seen.set(y.year, c);
    years.set(c, y.year);
  }
  if (years.size === 0) {
    throw fileError(
      'missing-header',
      'the "Country" header row holds no years; expected years such as 2024',
      file,
      sheet,
      header,
    );
  }

  for (let r = header + 1; r <= ws.rowCount; r++) {
    const label = labelOf(ws.cell(r, 1).value);
    let hasData = false;
    for (const c of years.keys()) {
      const v = ws.cell(r, c).value;
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) {
        hasData = true;
        break;
      }
    }
    if (label === '' || !hasData) continue; // blank row or region/subregion label
    const iso3 = countryIso3(label);
    if (iso3 === undefined) {
      if (!unknown.has(label)) unknown.set(label, location(file, sheet, r));
      continue;
    }
    if (out.has(iso3, spec.indicator)) {
      throw fileError(
        'duplicate-country',
        `country "${label}" (${iso3}) appears a second time; expected one row per country`,
        file,
        sheet,
        r,
      );
    }
    const notes = notesColumn > 0 ? labelOf(ws.cell(r, notesColumn).value) : '';
    const meta = {
      iso3,
      indicator: spec.indicator,
      unit: spec.unit,
      source: sourceId,
      ...(notes !== '' ? { note: `SIPRI notes ${notes}` } : {}),
      ...(iso3 === 'RUS' ? { breaks: [USSR_BREAK] } : {}),
    };
    for (const [c, year] of years) {
      const cell = ws.cell(r, c);
      const v = cell.value;
      let value: number;
      if (typeof v === 'number') value = v;
      else if (v === null) continue;
      else if (typeof v === 'string') {
        const t = v.trim();
        if (t === '' || MISSING.has(t)) continue;
        if (!isNumericText(t)) {
          throw fileError('bad-value', `${show(v)} is not a number; ${EXPECTED_CELL}`, file, sheet, r, c);
        }
        value = Number(t);
      } else if (typeof v === 'object' && v !== null && 'error' in v) {
        throw fileError('error-cell', `holds the Excel error ${v.error}; ${EXPECTED_CELL}`, file, sheet, r, c);
      } else {
        throw fileError('bad-value', `${show(v)} is not a number; ${EXPECTED_CELL}`, file, sheet, r, c);
      }
      if (!Number.isFinite(value)) {
        throw fileError('bad-value', `${show(v)} is not a finite number; ${EXPECTED_CELL}`, file, sheet, r, c);
      }
      const stored = value * spec.factor;
      const problem = valueProblem(spec.indicator, stored);
      if (problem !== undefined) throw fileError('out-of-range', `${show(v)} ${problem}`, file, sheet, r, c);
      out.add(meta, { year, value: stored, flag: cell.flag });
    }
  }
}
