import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileError, type ImportedEdition, type ImportFormat } from './common.js';
import { isNatoWorkbook, natoFromWorkbook } from './nato-xlsx.js';
import { isSipriWorkbook, sipriFromWorkbook } from './sipri-xlsx.js';
import { isWorldBankCsv, worldBankFromBytes } from './worldbank-csv.js';
import { loadWorkbook } from './xlsx.js';
import { isZip, xlsxSheetNames, zipEntries } from './zip.js';

export type { ImportedEdition, ImportFormat } from './common.js';
export { COUNTRY_ALIASES, countryIso3 } from './country-names.js';
export { readNatoXlsx } from './nato-xlsx.js';
export { readSipriXlsx } from './sipri-xlsx.js';
export { readWorldBankCsv } from './worldbank-csv.js';

const ACCEPTED =
  'expected a SIPRI Milex .xlsx, NATO\'s "Defence Expenditure of NATO Countries" TABLES .xlsx, ' +
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
  if (isWorldBankCsv(bytes.subarray(0, 400).toString('utf8'))) return 'worldbank-csv';
  const ext = extname(file).toLowerCase();
  const what =
    ext === '.xlsx' || ext === '.xls'
      ? `the file is named ${ext} but is not an xlsx workbook (it does not start with the zip signature "PK")`
      : 'the content matches no known format';
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
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${code ?? String(error)})`;
    throw fileError(
      'unreadable-file',
      `${why} at ${file}; give the path of a downloaded SIPRI, NATO or World Bank file`,
      file,
    );
  }
  const format = detectFormat(bytes, file);
  switch (format) {
    case 'sipri-xlsx':
      return sipriFromWorkbook(await loadWorkbook(bytes, file), file);
    case 'nato-xlsx':
      return natoFromWorkbook(await loadWorkbook(bytes, file), file);
    case 'worldbank-csv':
      return worldBankFromBytes(bytes, file);
  }
}
