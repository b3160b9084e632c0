import { basename } from 'node:path';
import type { CellValue } from 'exceljs';
import { buildSeries, type Point } from '../../core/data/build-series.js';
import type { Flag, Indicator, Series, SeriesBreak, SourceInfo } from '../../core/data/types.js';
import { DataFileError } from '../../core/errors.js';

/** The formats {@link readPublishedFile} understands. */
export type ImportFormat = 'sipri-xlsx' | 'sipri-csv' | 'nato-xlsx' | 'worldbank-csv';

/** One publisher's file read into series of one source edition. */
export interface ImportedEdition {
  readonly format: ImportFormat;
  readonly source: SourceInfo;
  readonly series: Series[];
  /** Things read but not understood (an unknown country name …); the rest of the file was imported. */
  readonly warnings: string[];
}

/** The USSR → Russian Federation succession, carried by every RUS series of SIPRI. */
export const USSR_BREAK: SeriesBreak = {
  year: 1992,
  note: 'USSR until 1991 (dissolved 26 December 1991), Russian Federation from 1992',
};

/**
 * Name a 1-based spreadsheet column by its letters.
 *
 * @example columnLetters(28) // 'AB'
 */
export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Name a place in a file as `file[!sheet][:R<row>][:C<column>]`, with the file's base name.
 *
 * @example location('/d/SIPRI.xlsx', 'Share of GDP', 158, 12) // 'SIPRI.xlsx!Share of GDP:R158:C12'
 */
export function location(file: string, sheet?: string, row?: number, column?: number): string {
  let s = basename(file);
  if (sheet !== undefined) s += `!${sheet}`;
  if (row !== undefined) s += `:R${row}`;
  if (column !== undefined) s += `:C${column}`;
  return s;
}

/**
 * Make a {@link DataFileError} whose message starts with the location (and the cell, for a sheet) and whose
 * `path` is that location.
 *
 * @example throw fileError('bad-value', '"abc" is not a number; expected a number', f, 'Share of GDP', 158, 12);
 */
export function fileError(
  code: string,
  message: string,
  file: string,
  sheet?: string,
  row?: number,
  column?: number,
): DataFileError {
  const where = location(file, sheet, row, column);
  const cell =
    sheet !== undefined && row !== undefined && column !== undefined ? ` (cell ${columnLetters(column)}${row})` : '';
  return new DataFileError(code, `${where}${cell}: ${message}`, where);
}

/**
 * Quote a cell value for an error message.
 *
 * @example show('abc') // '"abc"'
 */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(clip(v));
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object') return clip(JSON.stringify(v) ?? String(v));
  return clip(String(v));
}

/**
 * A text cut to `max` characters with "…" when longer: what an error message echoes of a value, so
 * a huge cell never becomes a huge message.
 *
 * @example clip('x'.repeat(100), 5) // 'xxxxx…'
 */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A cell's content reduced to a plain value: rich text joined, a formula replaced by its cached result. */
export type Plain = number | string | null | { readonly error: string } | Date | boolean;

/**
 * Reduce an exceljs cell value to a {@link Plain} value.
 *
 * @example plain({ richText: [{ text: 'Pol' }, { text: 'and' }] }) // 'Poland'
 */
export function plain(v: CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain((v.result ?? null) as CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/**
 * Read the text of a label cell, trimmed; `''` for an empty or non-text cell.
 *
 * @example labelOf(' Poland* ') // 'Poland*'
 */
export function labelOf(v: CellValue | Plain): string {
  const p = plain(v as CellValue);
  if (typeof p === 'string') return p.trim();
  if (typeof p === 'number') return String(p);
  return '';
}

/**
 * Tell whether text is a number written as text, such as `"1.5"` or `"-2e3"`.
 *
 * @example isNumericText('1,5') // false
 */
export function isNumericText(s: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s.trim());
}

/**
 * Parse a year header: an integer (or integral float) or text of four digits, with an optional suffix letter
 * out of `suffixes`; `undefined` when it is not a year between 1800 and 2200.
 *
 * @example parseYear('2024e', 'e') // { year: 2024, suffix: 'e' }
 */
export function parseYear(v: Plain, suffixes = ''): { year: number; suffix: string } | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1800 && v <= 2200 ? { year: v, suffix: '' } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = new RegExp(`^\\s*(\\d{4})(?:\\.0+)?([${suffixes}]?)\\s*$`).exec(v);
  if (m === null) return undefined;
  const year = Number(m[1]);
  return year >= 1800 && year <= 2200 ? { year, suffix: m[2] ?? '' } : undefined;
}

interface Group {
  meta: Omit<Series, 'firstYear' | 'values' | 'flags'>;
  points: Point[];
}

/** Collects points per (country, indicator) and turns them into series. */
export class SeriesCollector {
  readonly #groups = new Map<string, Group>();

  /** Add one point; the meta of the first point of a (country, indicator) pair is kept. */
  add(meta: Group['meta'], point: Point): void {
    const k = `${meta.iso3}|${meta.indicator}`;
    let g = this.#groups.get(k);
    if (g === undefined) {
      g = { meta, points: [] };
      this.#groups.set(k, g);
    }
    g.points.push(point);
  }

  /** True when a point of (iso3, indicator) was already added. */
  has(iso3: string, indicator: string): boolean {
    return this.#groups.has(`${iso3}|${indicator}`);
  }

  /** The collected series, in the order their first point arrived. */
  series(): Series[] {
    return [...this.#groups.values()].map((g) => buildSeries(g.meta, g.points));
  }
}

/**
 * Map an exceljs font colour to a flag: indexed 12 (blue) → `e` estimate, indexed 10 (red) → `u` highly uncertain.
 *
 * @example flagOfFont({ color: { indexed: 12 } }) // 'e'
 */
export function flagOfFont(font: { color?: { indexed?: number; argb?: string } } | undefined): Flag {
  const c = font?.color;
  if (c === undefined) return '.';
  if (c.indexed === 12 || c.argb === 'FF0000FF') return 'e';
  if (c.indexed === 10 || c.argb === 'FFFF0000') return 'u';
  return '.';
}

/**
 * The values an indicator can take, in the unit the importers store (percent of GDP, million US$,
 * warheads). Bounds are generous where history is extreme — a share of GDP up to 150 % (Kuwait's in
 * 1991 exceeded 100 %) — and exclude what cannot be: negative spending, GDP or warheads, or a share
 * read as a fraction twice.
 */
export const INDICATOR_RANGES: Readonly<Record<Indicator, { min: number; max: number; unit: string }>> = {
  milex_share_gdp: { min: 0, max: 150, unit: '% of GDP' },
  milex_usd_current: { min: 0, max: 1e8, unit: 'million US$' },
  milex_usd_constant: { min: 0, max: 1e8, unit: 'million US$' },
  gdp_usd_current: { min: 0, max: 1e9, unit: 'million US$' },
  gdp_usd_constant: { min: 0, max: 1e9, unit: 'million US$' },
  warheads_stockpile: { min: 0, max: 1e5, unit: 'warheads' },
  warheads_deployed_strategic: { min: 0, max: 1e5, unit: 'warheads' },
  warheads_deployed_nonstrategic: { min: 0, max: 1e5, unit: 'warheads' },
  warheads_reserve_nondeployed: { min: 0, max: 1e5, unit: 'warheads' },
  warheads_retired: { min: 0, max: 1e5, unit: 'warheads' },
  warheads_total_inventory: { min: 0, max: 1e5, unit: 'warheads' },
};

/**
 * Why a value read for `indicator` cannot be stored — not a finite number, or outside
 * {@link INDICATOR_RANGES} — as the end of an error message; `undefined` when it can.
 *
 * @param value the value as it would be stored (after the reader's unit conversion)
 * @example valueProblem('milex_share_gdp', 5000) // 'is outside what a share of GDP can be; accepted 0 to 150 (% of GDP)'
 */
export function valueProblem(indicator: Indicator, value: number): string | undefined {
  const r = INDICATOR_RANGES[indicator];
  if (!Number.isFinite(value))
    return `is not a finite number once read (${value}); accepted ${r.min} to ${r.max} (${r.unit})`;
  if (value < r.min || value > r.max)
    return `gives ${value} ${r.unit}, outside what ${indicator} can be; accepted ${r.min} to ${r.max} (${r.unit})`;
  return undefined;
}
