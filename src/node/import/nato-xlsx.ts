import { readFile } from 'node:fs/promises';
import type { Workbook, Worksheet } from 'exceljs';
import type { Indicator, SourceInfo, Unit } from '../../core/data/types.js';
import {
  fileError,
  type ImportedEdition,
  isNumericText,
  labelOf,
  location,
  parseYear,
  plain,
  SeriesCollector,
  show,
  valueProblem,
} from './common.js';
import { countryIso3 } from './country-names.js';
import { loadWorkbook } from './xlsx.js';

/** The note given to the series of an ally whose label carries NATO's `*`. */
export const NATO_TWO_PERCENT_NOTE =
  'NATO *: national law or political agreement calling for 2 % of GDP or more to be spent on defence';

const AGGREGATES: Readonly<Record<string, string>> = {
  'NATO Europe and Canada': 'NATO_EUR_CAN',
  'NATO Total': 'NATO_TOTAL',
};

const EXPECTED_CELL = 'expected a number or ".." (not available)';

/** What one labelled block of a NATO table holds. */
interface BlockSpec {
  /** Label in column B, matched at its start. */
  readonly label: RegExp;
  /** How the label reads, for messages. */
  readonly describe: string;
  readonly indicator: Indicator;
  /** The unit; for constant prices built from the base year in the label. */
  readonly unit: (label: string) => Unit;
}

const constantUnit = (label: string): Unit => `USD_m_const${Number(/(\d{4})/.exec(label)?.[1])}`;

const TABLES: readonly { sheet: string; blocks: readonly BlockSpec[] }[] = [
  {
    sheet: 'TABLE2',
    blocks: [
      {
        label: /^Current prices/i,
        describe: 'Current prices and exchange rates',
        indicator: 'milex_usd_current',
        unit: () => 'USD_m_current',
      },
      {
        label: /^Constant \d{4} prices/i,
        describe: 'Constant YYYY prices and exchange rates',
        indicator: 'milex_usd_constant',
        unit: constantUnit,
      },
    ],
  },
  {
    sheet: 'TABLE3',
    blocks: [
      {
        label: /^Share of (real )?GDP/i,
        describe: 'Share of real GDP (%)',
        indicator: 'milex_share_gdp',
        unit: () => 'pct_GDP',
      },
    ],
  },
  {
    sheet: 'TABLE5',
    blocks: [
      {
        label: /^Current prices/i,
        describe: 'Current prices and exchange rates',
        indicator: 'gdp_usd_current',
        unit: () => 'USD_m_current',
      },
      {
        label: /^Constant \d{4} prices/i,
        describe: 'Constant YYYY prices and exchange rates',
        indicator: 'gdp_usd_constant',
        unit: constantUnit,
      },
    ],
  },
];

/**
 * Tell whether the sheet names look like NATO's "Defence Expenditure of NATO Countries" TABLES workbook.
 *
 * @example isNatoWorkbook(['TABLE1', 'TABLE2']) // true
 */
export function isNatoWorkbook(sheetNames: readonly string[]): boolean {
  return sheetNames.some((n) => /^TABLE\d+[a-z]?$/i.test(n));
}

/**
 * Read NATO's "Defence Expenditure of NATO Countries" TABLES workbook (e.g. `240617-def-exp-2024-TABLES-en.xlsx`)
 * into series: TABLE2 → `milex_usd_current` (million US$) and `milex_usd_constant` (million US$ at the prices of
 * the block label's base year), TABLE3 → `milex_share_gdp` (percent of real GDP), TABLE5 → `gdp_usd_current` and
 * `gdp_usd_constant`. Years headed `2023e` get flag `e`. Excel error cells in other tables are ignored.
 *
 * @param file path of the .xlsx file
 * @returns the edition `nato-<last year of the header>`
 * @throws {DataFileError} when a table, the year header, a block or a number is missing or malformed
 * @example (await readNatoXlsx('240617-def-exp-2024-TABLES-en.xlsx')).source.id // 'nato-2024'
 */
export async function readNatoXlsx(file: string): Promise<ImportedEdition> {
  const bytes = await readFile(file);
  return natoFromWorkbook(await loadWorkbook(bytes, file), file);
}

/**
 * Read an already loaded NATO workbook; see {@link readNatoXlsx}.
 *
 * @param file the file name, for messages
 * @throws {DataFileError} as {@link readNatoXlsx}
 * @example natoFromWorkbook(wb, 'TABLES.xlsx').source.id // 'nato-2024'
 */
export function natoFromWorkbook(wb: Workbook, file: string): ImportedEdition {
  const names = wb.worksheets.map((w) => w.name);
  const missing = TABLES.map((t) => t.sheet).filter((s) => !names.includes(s));
  if (missing.length > 0) {
    throw fileError(
      'missing-sheet',
      `no sheet ${missing.map((m) => `"${m}"`).join(', ')}; expected NATO's TABLES workbook with sheets ` +
        `"TABLE2", "TABLE3" and "TABLE5" (found: ${names.map((n) => `"${n}"`).join(', ')})`,
      file,
    );
  }
  const out = new SeriesCollector();
  const unknown = new Map<string, string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const pending: { ws: Worksheet; blocks: readonly BlockSpec[]; header: Header }[] = [];
  for (const t of TABLES) {
    const ws = wb.getWorksheet(t.sheet) as Worksheet;
    const header = findHeader(ws, file);
    for (const y of header.years.values()) {
      first = Math.min(first, y.year);
      last = Math.max(last, y.year);
    }
    pending.push({ ws, blocks: t.blocks, header });
  }
  const sourceId = `nato-${last}`;
  for (const p of pending) readTable(p.ws, file, sourceId, p.blocks, p.header, out, unknown);
  const source: SourceInfo = {
    id: sourceId,
    publisher: 'NATO',
    title: `Defence Expenditure of NATO Countries (${first}-${last}), Tables 2, 3 and 5`,
    edition: String(last),
    released: last,
    citation: `NATO, Defence Expenditure of NATO Countries (${first}-${last})`,
    terms: 'Credit NATO; no commercial or advertising use',
  };
  const warnings = [...unknown].map(
    ([name, where]) => `${where}: country "${name}" is not known; its rows were skipped (add it to COUNTRY_ALIASES)`,
  );
  return { format: 'nato-xlsx', source, series: out.series(), warnings };
}

interface Header {
  readonly row: number;
  /** Column → year and estimate flag. */
  readonly years: Map<number, { year: number; estimate: boolean }>;
}

const FIRST_YEAR_COLUMN = 4; // D

function findHeader(ws: Worksheet, file: string): Header {
  const limit = Math.min(ws.rowCount, 40);
  let row = 0;
  for (let r = 1; r <= limit; r++) {
    if (parseYear(plain(ws.getRow(r).getCell(FIRST_YEAR_COLUMN).value), 'e') !== undefined) {
      row = r;
      break;
    }
  }
  if (row === 0) {
    throw fileError(
      'missing-header',
      `no year header; expected a row whose columns D, E, … hold years such as 2014, "2019" or "2024e"`,
      file,
      ws.name,
    );
  }
  const years = new Map<number, { year: number; estimate: boolean }>();
  const seen = new Set<number>();
  const r = ws.getRow(row);
  for (let c = FIRST_YEAR_COLUMN; c <= Math.max(ws.columnCount, r.cellCount); c++) {
    const v = plain(r.getCell(c).value);
    if (v === null || (typeof v === 'string' && v.trim() === '')) break;
    const y = parseYear(v, 'e');
    if (y === undefined) {
      throw fileError(
        'bad-year',
        `header ${show(v)} is not a year; expected a year such as 2014, "2019" or "2024e" (e = estimate)`,
        file,
        ws.name,
        row,
        c,
      );
    }
    if (seen.has(y.year)) {
      throw fileError(
        'duplicate-year',
        `year ${y.year} appears twice in the header; expected each year once`,
        file,
        ws.name,
        row,
        c,
      );
    }
    seen.add(y.year);
    years.set(c, { year: y.year, estimate: y.suffix === 'e' });
  }
  return { row, years };
}

function readTable(
  ws: Worksheet,
  file: string,
  sourceId: string,
  blocks: readonly BlockSpec[],
  header: Header,
  out: SeriesCollector,
  unknown: Map<string, string>,
): void {
  const found = new Set<BlockSpec>();
  let block: { spec: BlockSpec; unit: Unit } | undefined;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const b = labelOf(row.getCell(2).value);
    const c = labelOf(row.getCell(3).value);
    let name: string | undefined;
    let iso3: string | undefined;
    if (b !== '') {
      const aggregate = AGGREGATES[b];
      if (aggregate !== undefined) {
        name = b;
        iso3 = aggregate;
      } else {
        const spec = blocks.find((s) => s.label.test(b));
        block = spec === undefined ? undefined : { spec, unit: spec.unit(b) };
        if (spec !== undefined) {
          if (found.has(spec)) {
            throw fileError('duplicate-block', `block "${b}" appears twice; expected it once`, file, ws.name, r, 2);
          }
          found.add(spec);
        }
        continue;
      }
    } else if (c !== '') {
      if (/^(notes?\b|\*)/i.test(c)) {
        block = undefined;
        continue;
      }
      name = c;
    } else {
      continue;
    }
    if (block === undefined) continue;
    iso3 ??= countryIso3(name);
    if (iso3 === undefined) {
      if (!unknown.has(name)) unknown.set(name, location(file, ws.name, r));
      continue;
    }
    const starred = /\*\s*$/.test(name);
    const meta = {
      iso3,
      indicator: block.spec.indicator,
      unit: block.unit,
      source: sourceId,
      ...(starred ? { note: NATO_TWO_PERCENT_NOTE } : {}),
    };
    if (out.has(iso3, block.spec.indicator)) {
      throw fileError(
        'duplicate-country',
        `"${name}" (${iso3}) appears a second time for ${block.spec.indicator}; expected one row per country`,
        file,
        ws.name,
        r,
      );
    }
    for (const [col, y] of header.years) {
      const v = plain(row.getCell(col).value);
      let value: number;
      if (typeof v === 'number') value = v;
      else if (v === null) continue;
      else if (typeof v === 'string') {
        const t = v.trim();
        if (t === '' || t === '..' || t === '-') continue;
        if (!isNumericText(t)) {
          throw fileError('bad-value', `${show(v)} is not a number; ${EXPECTED_CELL}`, file, ws.name, r, col);
        }
        value = Number(t);
      } else if (typeof v === 'object' && 'error' in v) {
        throw fileError('error-cell', `holds the Excel error ${v.error}; ${EXPECTED_CELL}`, file, ws.name, r, col);
      } else {
        throw fileError('bad-value', `${show(v)} is not a number; ${EXPECTED_CELL}`, file, ws.name, r, col);
      }
      const problem = valueProblem(block.spec.indicator, value);
      if (problem !== undefined) throw fileError('out-of-range', `${show(v)} ${problem}`, file, ws.name, r, col);
      out.add(meta, { year: y.year, value, flag: y.estimate ? 'e' : '.' });
    }
  }
  const absent = blocks.filter((s) => !found.has(s));
  if (absent.length > 0) {
    throw fileError(
      'missing-block',
      `no block ${absent.map((s) => `"${s.describe}"`).join(', ')}; expected its label in column B below the year header`,
      file,
      ws.name,
    );
  }
}
