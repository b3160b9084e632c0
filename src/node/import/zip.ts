import { inflateRawSync } from 'node:zlib';
import { fileError } from './common.js';

/** One member of a zip archive. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The size the central directory declares once inflated (it may lie: reads cap what they inflate). */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/**
 * The most an archive may inflate to, all members together: 256 MiB. The publishers' files inflate
 * to a few tens of MiB; a zip bomb of a few MiB that inflates to gigabytes is refused.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Tell whether `bytes` start with the zip local-file signature `PK\x03\x04` (zip, xlsx).
 *
 * @example isZip(readFileSync('book.xlsx')) // true
 */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * List the members of a zip archive from its central directory.
 *
 * @param bytes the whole archive
 * @param file the file name, for error messages
 * @throws {DataFileError} `damaged-zip` when the end record or the central directory is missing or cut short
 * @example zipEntries(readFileSync('book.xlsx'), 'book.xlsx').map((e) => e.name) // ['[Content_Types].xml', …]
 */
export function zipEntries(bytes: Buffer, file: string): ZipEntry[] {
  const damaged = (what: string) =>
    fileError(
      'damaged-zip',
      `the file starts like a zip/xlsx archive but ${what}; it is damaged or cut short, expected a complete .xlsx or .zip as downloaded (download it again)`,
      file,
    );
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('its end-of-archive record is missing');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) {
      throw damaged(`central directory entry ${n + 1} of ${count} is missing`);
    }
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localHeaderOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Extract one member of a zip archive.
 *
 * @throws {DataFileError} `damaged-zip` when the member's data is cut short or cannot be inflated
 * @example zipRead(bytes, entry, 'data.zip').toString('utf8')
 */
export function zipRead(bytes: Buffer, entry: ZipEntry, file: string, limit: number = MAX_INFLATED_BYTES): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) {
    throw fileError('damaged-zip', `member "${entry.name}" is missing from the archive; expected a complete zip`, file);
  }
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) {
    throw fileError('damaged-zip', `member "${entry.name}" is cut short; expected a complete zip`, file);
  }
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return Buffer.from(data);
  if (limit <= 0 || (entry.method === 0 && data.length > limit)) throw tooLarge(file);
  if (entry.method === 8) {
    try {
      return inflateRawSync(data, { maxOutputLength: limit });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file);
      throw fileError('damaged-zip', `member "${entry.name}" cannot be inflated (${(e as Error).message})`, file);
    }
  }
  throw fileError(
    'damaged-zip',
    `member "${entry.name}" uses compression method ${entry.method}; expected 0 (stored) or 8 (deflate)`,
    file,
  );
}

const tooLarge = (file: string) =>
  fileError(
    'too-large',
    `the archive inflates to more than its budget (${MAX_INFLATED_BYTES / 1024 / 1024} MiB for an import); the publishers' files inflate to a few tens of MiB: this is not one of them`,
    file,
  );

/**
 * Inflate every member of an archive within {@link MAX_INFLATED_BYTES} in all, before a library
 * that trusts the declared sizes reads it.
 *
 * @throws {DataFileError} `too-large` past the budget, `damaged-zip` as {@link zipRead}
 * @example checkInflatedSize(readFileSync('book.xlsx'), 'book.xlsx') // total inflated bytes
 */
export function checkInflatedSize(bytes: Buffer, file: string, limit: number = MAX_INFLATED_BYTES): number {
  let total = 0;
  for (const entry of zipEntries(bytes, file)) {
    if (entry.name.endsWith('/')) continue;
    total += zipRead(bytes, entry, file, limit - total).length;
  }
  return total;
}

/** Decode the few XML entities that appear in sheet names. */
function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * List the sheet names of an xlsx workbook, read from `xl/workbook.xml`, or `undefined` when the zip holds no workbook.
 *
 * @throws {DataFileError} `damaged-zip` as {@link zipEntries}
 * @example xlsxSheetNames(readFileSync('SIPRI-Milex-data-1949-2024_2.xlsx'), 'f') // ['Front page', …]
 */
export function xlsxSheetNames(bytes: Buffer, file: string): string[] | undefined {
  const entry = zipEntries(bytes, file).find((e) => e.name === 'xl/workbook.xml');
  if (entry === undefined) return undefined;
  const xml = zipRead(bytes, entry, file).toString('utf8');
  return sheetNamesOf(xml);
}

/**
 * The `name` attributes of the `<sheet>` (or `<x:sheet>`) elements of a workbook.xml, in one linear
 * pass: each tag is cut at its `>` before its attributes are read, so no input makes the scan
 * quadratic.
 *
 * @example sheetNamesOf('<sheets><sheet name="A" sheetId="1"/></sheets>') // ['A']
 */
export function sheetNamesOf(xml: string): string[] {
  const names: string[] = [];
  let at = xml.indexOf('<');
  while (at >= 0) {
    const end = xml.indexOf('>', at + 1);
    if (end < 0) break;
    const tag = xml.slice(at + 1, end);
    const space = tag.search(/[\s/]/);
    const element = (space < 0 ? tag : tag.slice(0, space)).replace(/^\w+:/, '');
    if (element === 'sheet') {
      const m = /(?:^|\s)name="([^"]*)"/.exec(tag);
      if (m !== null) names.push(xmlText(m[1] ?? ''));
    }
    at = xml.indexOf('<', end + 1);
  }
  return names;
}
