import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DataFileError } from '../core/errors.js';
import { clip } from './import/common.js';

/** Yearly series read from a user's CSV file: one `year` column and one column per series. */
export interface SeriesTable {
  readonly file: string;
  readonly years: readonly number[];
  /** Values per column, aligned with `years`; `null` for an empty cell. */
  readonly columns: ReadonlyMap<string, readonly (number | null)[]>;
}

/** The largest series CSV read: 16 MiB (a century of years for a thousand series is far less). */
export const MAX_SERIES_CSV_BYTES = 16 * 1024 * 1024;

/**
 * Read a CSV file with the columns `year,<series>,<series>…` (a header row, one row per year).
 *
 * @throws {DataFileError} naming the file, row and column: no `year` column, a year that is not a
 *   whole number or appears twice, a value that is not a number.
 * @example readSeriesCsv('spending.csv').columns.get('NATO')
 */
export function readSeriesCsv(file: string): SeriesTable {
  let text: string;
  try {
    const info = statSync(file);
    if (!info.isFile())
      throw new DataFileError(
        'not-a-file',
        `${file}: is ${info.isDirectory() ? 'a folder' : 'not a regular file (a device or a pipe)'}; give the path of a CSV file`,
        file,
      );
    if (info.size > MAX_SERIES_CSV_BYTES)
      throw new DataFileError(
        'too-large',
        `${file}: is ${(info.size / 1024 / 1024).toFixed(0)} MiB; a series CSV (a row per year) is read up to ${MAX_SERIES_CSV_BYTES / 1024 / 1024} MiB`,
        file,
      );
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(
      'unreadable-file',
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); give the path of a CSV file`,
      file,
    );
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new DataFileError('bad-csv', `${file}: not a valid CSV file: ${(error as Error).message}`, file);
  }
  const header = rows[0];
  if (header === undefined || rows.length < 2) {
    throw new DataFileError(
      'empty-file',
      `${file}: no data; expected a header row "year,<series>,…" and one row per year`,
      file,
    );
  }
  const yearColumn = header.findIndex((h) => h.toLowerCase() === 'year');
  if (yearColumn < 0) {
    throw new DataFileError(
      'no-year-column',
      `${file}: row 1 has no "year" column (columns: ${clip(header.join(', '))}); name the column of years "year"`,
      `${file}:1`,
    );
  }
  const names = header.filter((_, c) => c !== yearColumn);
  const seen = new Set<number>();
  const records: { year: number; values: (number | null)[] }[] = [];
  rows.slice(1).forEach((row, r) => {
    const line = r + 2;
    const yearText = row[yearColumn] ?? '';
    const year = Number(yearText);
    if (!Number.isInteger(year)) {
      throw new DataFileError(
        'bad-year',
        `${file}: row ${line}, column year: "${clip(yearText)}" is not a whole year; expected e.g. 2024`,
        `${file}:${line}:year`,
      );
    }
    if (seen.has(year))
      throw new DataFileError(
        'duplicate-year',
        `${file}: row ${line}: year ${year} appears twice; give one row per year`,
        `${file}:${line}:year`,
      );
    seen.add(year);
    const values = header.flatMap((name, c) => {
      if (c === yearColumn) return [];
      const cell = row[c] ?? '';
      if (cell === '') return [null];
      const v = Number(cell);
      if (!Number.isFinite(v)) {
        throw new DataFileError(
          'bad-value',
          `${file}: row ${line}, column ${clip(name)}: "${clip(cell)}" is not a number; write a number or leave the cell empty`,
          `${file}:${line}:${name}`,
        );
      }
      return [v];
    });
    records.push({ year, values });
  });
  records.sort((a, b) => a.year - b.year);
  const columns = new Map(names.map((name, c) => [name, records.map((r) => r.values[c] ?? null)]));
  return { file, years: records.map((r) => r.year), columns };
}
