import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileError, type ImportedEdition, type ImportFormat } from './common.js';
import { isNatoWorkbook, natoFromWorkbook } from './nato-xlsx.js';
import { isSipriCsv, sipriFromCsv } from './sipri-csv.js';
import { isSipriWorkbook, sipriFromWorkbook } from './sipri-xlsx.js';
import { isWorldBankCsv, worldBankFromBytes } from './worldbank-csv.js';
import { loadWorkbook } from './xlsx.js';
import { checkInflatedSize, isZip, xlsxSheetNames, zipEntries } from './zip.js';

export type { ImportedEdition, ImportFormat } from './common.js';
export { COUNTRY_ALIASES, countryIso3 } from './country-names.js';
export { readNatoXlsx } from './nato-xlsx.js';
export { sipriFromCsv } from './sipri-csv.js';
export { readSipriXlsx } from './sipri-xlsx.js';
export { readWorldBankCsv } from './worldbank-csv.js';

/**
 * The largest file the importers read: 100 MiB. SIPRI's workbook is about 2 MiB, NATO's tables
 * under 1 MiB, a World Bank download a few hundred KiB; a larger file is not one of them.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const ACCEPTED =
  'expected a SIPRI Milex .xlsx (or one of its sheets saved as .csv), NATO\'s "Defence Expenditure of NATO Countries" TABLES .xlsx, ' +
  'or a World Bank WDI indicator .csv (or its .zip)';

/**
 * Tell which publisher's format a file's content is, without reading the data.
 *
 * @param bytes the file's content
 * @param file the file name, for messages
 * @throws {DataFileError} `empty-file`, `damaged-zip` or `unknown-format` when the content matches no format
 * @example detectFormat(readFileSync('API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv'), 'f.csv') // 'worldbank-csv'
 */
export function detectFormat(bytes: Buffer, file: string): ImportFormat {
  if (bytes.length === 0) throw fileError('empty-file', `the file is empty (0 bytes); ${ACCEPTED}`, file);
  if (isZip(bytes)) {
    const sheets = xlsxSheetNames(bytes, file);
    if (sheets === undefined) {
      if (zipEntries(bytes, file).some((e) => /^API_.*\.csv$/i.test(e.name.replace(/^.*\//, '')))) {
        return 'worldbank-csv';
      }
      throw fileError(
        'unknown-format',
        `the file is a zip archive but neither an xlsx workbook nor a World Bank download; ${ACCEPTED}`,
        file,
      );
    }
    if (isSipriWorkbook(sheets)) return 'sipri-xlsx';
    if (isNatoWorkbook(sheets)) return 'nato-xlsx';
    throw fileError(
      'unknown-format',
      `the workbook's sheets (${sheets.map((s) => `"${s}"`).join(', ')}) are neither SIPRI's ("Share of GDP", ` +
        `"Constant (YYYY) US$", "Current US$") nor NATO's ("TABLE1", "TABLE2", …); ${ACCEPTED}`,
      file,
    );
  }
  const head = bytes.subarray(0, 400).toString('utf8');
  if (isWorldBankCsv(head)) return 'worldbank-csv';
  if (isSipriCsv(head)) return 'sipri-csv';
  const ext = extname(file).toLowerCase();
  const what =
    ext === '.xlsx' || ext === '.xls'
      ? `the file is named ${ext} but is not an xlsx workbook (it does not start with the zip signature "PK")`
      : `the content matches no known format (${describeContent(bytes)})`;
  throw fileError('unknown-format', `${what}; ${ACCEPTED}`, file);
}

/**
 * Read a data file as a user downloads it from SIPRI, NATO or the World Bank, detecting its format from its content.
 *
 * @param file path of the .xlsx, .csv or .zip
 * @returns the source edition, its series and the warnings of the reader
 * @throws {DataFileError} when the file cannot be read as any of the formats; the message names the file,
 *   sheet, row and column and says what was expected
 * @example const { source, series } = await readPublishedFile('SIPRI-Milex-data-1949-2024_2.xlsx'); // sipri-2025
 */
export async function readPublishedFile(file: string): Promise<ImportedEdition> {
  const bytes = await readBounded(file);
  const format = detectFormat(bytes, file);
  switch (format) {
    case 'sipri-xlsx':
      checkInflatedSize(bytes, file);
      return sipriFromWorkbook(await loadWorkbook(bytes, file), file);
    case 'nato-xlsx':
      checkInflatedSize(bytes, file);
      return natoFromWorkbook(await loadWorkbook(bytes, file), file);
    case 'sipri-csv':
      return sipriFromCsv(bytes, file);
    case 'worldbank-csv':
      return worldBankFromBytes(bytes, file);
  }
}

/**
 * Read a regular file of at most {@link MAX_FILE_BYTES}: a device (`/dev/zero`), a FIFO or a folder
 * is refused before a byte is read, and a file that grows past the cap while read is cut off and
 * refused, so the read ends in bounded time and memory.
 *
 * @throws {DataFileError} `unreadable-file`, `not-a-file` or `too-large`, naming the file
 */
async function readBounded(file: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`;
    throw fileError(
      'unreadable-file',
      `${why} at ${file}; give the path of a downloaded SIPRI, NATO or World Bank file`,
      file,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isDirectory()
        ? 'a folder'
        : info.isFIFO()
          ? 'a pipe (FIFO)'
          : info.isCharacterDevice() || info.isBlockDevice()
            ? 'a device'
            : info.isSocket()
              ? 'a socket'
              : 'not a regular file';
      throw fileError(
        'not-a-file',
        `is ${kind}, not a file; give the path of a downloaded SIPRI, NATO or World Bank file`,
        file,
      );
    }
    if (info.size > MAX_FILE_BYTES) throw tooLargeFile(file, info.size);
    const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) throw tooLargeFile(file, length);
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const tooLargeFile = (file: string, size: number) =>
  fileError(
    'too-large',
    `is ${(size / 1024 / 1024).toFixed(0)} MiB or more; the importers read files up to ${MAX_FILE_BYTES / 1024 / 1024} MiB (the publishers' files are a few MiB)`,
    file,
  );

/**
 * What the start of an unrecognised file looks like, for the refusal: UTF-16 text, a CSV separated
 * by semicolons, binary data, or its first line.
 *
 * @example describeContent(Buffer.from('a;b;c\n1;2;3')) // 'text separated by semicolons, …'
 */
export function describeContent(bytes: Buffer): string {
  const head = bytes.subarray(0, 512);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return 'UTF-16 text; save it as UTF-8 CSV (comma-separated) as the publisher distributes it';
  const zeros = head.filter((b) => b === 0).length;
  if (zeros > 0 && zeros >= head.length / 8)
    return zeros >= head.length / 3 && head.length > 2 && (head[1] === 0 || head[0] === 0)
      ? 'UTF-16 text without a byte-order mark; save it as UTF-8 CSV (comma-separated)'
      : 'binary data';
  const first =
    head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  const shown = first.length > 80 ? `${first.slice(0, 80)}…` : first;
  if (first.includes(';') && !first.includes(','))
    return `text separated by semicolons, first line ${JSON.stringify(shown)}; the publishers' CSVs are comma-separated`;
  return `first line ${JSON.stringify(shown)}`;
}
