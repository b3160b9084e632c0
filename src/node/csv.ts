import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Read a CSV file with a header row into records keyed by column name. */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}
