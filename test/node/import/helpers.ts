import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { afterAll, expect } from 'vitest';
import type { Indicator, Series } from '../../../src/core/data/types.js';
import { DataFileError } from '../../../src/core/errors.js';

/** The folder of the importer fixtures. */
export const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'importers');
export const SIPRI_2025 = join(FIXTURES, 'sipri-milex-2025-excerpt.xlsx');
export const SIPRI_2023 = join(FIXTURES, 'sipri-milex-2023-excerpt.xlsx');
export const SIPRI_WEB = join(FIXTURES, 'sipri-milex-web-export-excerpt.xlsx');
export const NATO_2024 = join(FIXTURES, 'nato-def-exp-2024-tables-excerpt.xlsx');
export const WB_MILEX = join(FIXTURES, 'API_MS.MIL.XPND.GD.ZS_excerpt.csv');
export const WB_GDP = join(FIXTURES, 'API_NY.GDP.MKTP.CD_excerpt.csv');

/** A temporary folder, removed after the file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'armsrace-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The series of (iso3, indicator), failing the test when it is absent. */
export function pick(series: readonly Series[], iso3: string, indicator: Indicator): Series {
  const s = series.find((x) => x.iso3 === iso3 && x.indicator === indicator);
  if (s === undefined) throw new Error(`no series ${iso3} ${indicator}`);
  return s;
}

/** The value and flag of `series` in `year` (`undefined` value when missing). */
export function at(series: Series, year: number): { value: number | null | undefined; flag: string | undefined } {
  const i = year - series.firstYear;
  return { value: series.values[i], flag: series.flags[i] };
}

/** Load a fixture workbook, change it and write it to `dir/name`; returns the path. */
export async function editWorkbook(
  from: string,
  dir: string,
  name: string,
  edit: (wb: Workbook) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  const to = join(dir, name);
  await wb.xlsx.writeFile(to);
  return to;
}

/** The row of `ws` whose column `column` reads `label`. */
export function rowOf(ws: Worksheet, label: string, column = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(column).value;
    if (typeof v === 'string' && v.trim() === label) return r;
  }
  throw new Error(`no row "${label}" in ${ws.name}`);
}

/** The column of `ws`'s row `row` that holds `value` (compared as text). */
export function columnOf(ws: Worksheet, row: number, value: string): number {
  let found = 0;
  ws.getRow(row).eachCell((cell, c) => {
    if (found === 0 && String(cell.value).trim() === value) found = c;
  });
  if (found === 0) throw new Error(`no "${value}" in ${ws.name} row ${row}`);
  return found;
}

/** Await `promise`, expect a DataFileError and return it. */
export async function rejection(promise: Promise<unknown>): Promise<DataFileError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataFileError);
  return e as DataFileError;
}

/** CRC-32 of `data` (zlib.crc32 needs Node 20.15). */
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated members, as the World Bank's download button delivers. */
export function makeZip(members: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(members)) {
    const packed = deflateRawSync(data);
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += local.length + n.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
export const SIPRI_2026_CSV = join(FIXTURES, 'sipri-milex-2026-constant-csv-excerpt.csv');
