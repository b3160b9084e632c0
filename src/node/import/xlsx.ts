import type { Workbook } from 'exceljs';
import ExcelJS from 'exceljs';
import { fileError } from './common.js';

/**
 * Parse the bytes of an xlsx file into an exceljs workbook.
 *
 * @param bytes the file's content
 * @param file the file name, for error messages
 * @throws {DataFileError} `damaged-xlsx` when exceljs cannot read the workbook
 * @example const wb = await loadWorkbook(readFileSync('TABLES.xlsx'), 'TABLES.xlsx');
 */
export async function loadWorkbook(bytes: Buffer, file: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError(
      'damaged-xlsx',
      `cannot be read as an xlsx workbook (${(e as Error).message}); expected an .xlsx file as the publisher distributes it`,
      file,
    );
  }
  return wb;
}
