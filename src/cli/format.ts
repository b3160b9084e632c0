import { stringify } from 'csv-stringify/sync';

/** A column of a text table: header (with units), alignment and how to print a cell. */
export interface Column<T> {
  readonly header: string;
  readonly align?: 'left' | 'right';
  readonly cell: (row: T) => string;
}

/** Lay out rows as an aligned plain-text table with a header and a rule. */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.align === 'right' ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Write records as CSV with a header row (RFC 4180 quoting). */
export function toCsv(records: readonly Record<string, unknown>[]): string {
  return stringify(records as Record<string, unknown>[], { header: true, cast: { boolean: (b) => String(b) } });
}

/** Format a number with fixed decimals; `–` for missing. */
export function fixed(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits);
}

/** Format a number with thousands separators and fixed decimals; `–` for missing. */
export function grouped(v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined || Number.isNaN(v)
    ? '–'
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
