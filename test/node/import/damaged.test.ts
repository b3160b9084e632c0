import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPublishedFile } from '../../../src/node/import/index.js';
import {
  columnOf,
  editWorkbook,
  makeZip,
  NATO_2024,
  rejection,
  rowOf,
  SIPRI_2025,
  tempDir,
  WB_GDP,
  WB_MILEX,
} from './helpers.js';

/** Write `bytes` to `dir/name` and return the path. */
function put(dir: string, name: string, bytes: Buffer | string): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

/** Replace `from` by `to` in the text of `file`, once, and write it to `dir/name`. */
function editText(file: string, dir: string, name: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`no "${from}" in ${file}`);
  return put(dir, name, text.replace(from, to));
}

describe('readPublishedFile on damaged files', () => {
  const dir = tempDir();

  it('rejects an empty file', async () => {
    const e = await rejection(readPublishedFile(put(dir, 'empty.xlsx', '')));
    expect(e.code).toBe('empty-file');
    expect(e.path).toBe('empty.xlsx');
    expect(e.message).toMatch(/^empty\.xlsx: the file is empty \(0 bytes\); expected a SIPRI Milex \.xlsx/);
  });

  it('rejects random bytes named .xlsx', async () => {
    const e = await rejection(readPublishedFile(put(dir, 'random.xlsx', randomBytes(2048))));
    expect(e.code).toBe('unknown-format');
    expect(e.message).toMatch(/^random\.xlsx: the file is named \.xlsx but is not an xlsx workbook/);
    expect(e.message).toContain('NATO\'s "Defence Expenditure of NATO Countries" TABLES .xlsx');
  });

  it('rejects a truncated xlsx', async () => {
    const bytes = readFileSync(SIPRI_2025);
    const e = await rejection(readPublishedFile(put(dir, 'truncated.xlsx', bytes.subarray(0, bytes.length >> 1))));
    expect(e.code).toBe('damaged-zip');
    expect(e.message).toMatch(/^truncated\.xlsx: .*damaged or cut short.*download it again/);
  });

  it('rejects a SIPRI workbook without the "Share of GDP" sheet', async () => {
    const f = await editWorkbook(SIPRI_2025, dir, 'no-share.xlsx', (wb) => {
      const ws = wb.getWorksheet('Share of GDP');
      if (ws !== undefined) wb.removeWorksheet(ws.id);
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-sheet');
    expect(e.message).toMatch(/^no-share\.xlsx: no sheet "Share of GDP"; expected a SIPRI Milex workbook with sheets/);
    expect(e.message).toContain('"Constant (2023) US$"');
  });

  it('rejects a sheet without a "Country" header row', async () => {
    const f = await editWorkbook(SIPRI_2025, dir, 'no-header.xlsx', (wb) => {
      const ws = wb.getWorksheet('Current US$');
      if (ws === undefined) throw new Error('no sheet');
      ws.getCell(rowOf(ws, 'Country'), 1).value = 'Land';
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-header');
    expect(e.path).toBe('no-header.xlsx!Current US$');
    expect(e.message).toBe(
      'no-header.xlsx!Current US$: no header row; expected a row whose column A is "Country" (followed by "Notes" and the years)',
    );
  });

  it('rejects a year header that is not a year', async () => {
    let where = '';
    const f = await editWorkbook(SIPRI_2025, dir, 'bad-year.xlsx', (wb) => {
      const ws = wb.getWorksheet('Share of GDP');
      if (ws === undefined) throw new Error('no sheet');
      const r = rowOf(ws, 'Country');
      const c = columnOf(ws, r, '2000');
      ws.getCell(r, c).value = 'Y2K';
      where = `bad-year.xlsx!Share of GDP:R${r}:C${c}`;
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('bad-year');
    expect(e.path).toBe(where);
    expect(e.message).toMatch(
      /: header "Y2K" is not a year; expected "Notes" or a year such as 2024 \(a number or text\)$/,
    );
  });

  it('rejects a data cell holding text other than "..." or "xxx"', async () => {
    let where = '';
    const f = await editWorkbook(SIPRI_2025, dir, 'SIPRI-Milex.xlsx', (wb) => {
      const ws = wb.getWorksheet('Share of GDP');
      if (ws === undefined) throw new Error('no sheet');
      const r = rowOf(ws, 'Russia');
      const c = columnOf(ws, rowOf(ws, 'Country'), '2014');
      ws.getCell(r, c).value = 'abc';
      where = `SIPRI-Milex.xlsx!Share of GDP:R${r}:C${c}`;
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('bad-value');
    expect(e.path).toBe(where);
    expect(e.message).toMatch(
      /^SIPRI-Milex\.xlsx!Share of GDP:R\d+:C\d+ \(cell [A-Z]+\d+\): "abc" is not a number; expected a number, "\.\.\." \(no data\) or "xxx" \(country did not exist\)$/,
    );
  });

  it('rejects a NATO workbook without TABLE3', async () => {
    const f = await editWorkbook(NATO_2024, dir, 'no-table3.xlsx', (wb) => {
      const ws = wb.getWorksheet('TABLE3');
      if (ws !== undefined) wb.removeWorksheet(ws.id);
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-sheet');
    expect(e.message).toMatch(
      /^no-table3\.xlsx: no sheet "TABLE3"; expected NATO's TABLES workbook with sheets "TABLE2", "TABLE3" and "TABLE5"/,
    );
  });

  it('rejects a NATO table without its share block', async () => {
    const f = await editWorkbook(NATO_2024, dir, 'no-block.xlsx', (wb) => {
      const ws = wb.getWorksheet('TABLE3');
      if (ws === undefined) throw new Error('no TABLE3');
      ws.getCell(rowOf(ws, 'Share of real GDP (%)', 2), 2).value = 'Something else';
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-block');
    expect(e.path).toBe('no-block.xlsx!TABLE3');
    expect(e.message).toContain('no block "Share of real GDP (%)"; expected its label in column B');
  });

  it('rejects an Excel error cell in a table it reads, naming the cell', async () => {
    const f = await editWorkbook(NATO_2024, dir, 'ref-error.xlsx', (wb) => {
      const ws = wb.getWorksheet('TABLE3');
      if (ws === undefined) throw new Error('no TABLE3');
      ws.getCell(rowOf(ws, 'Poland*', 3), 4).value = { error: '#REF!' };
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('error-cell');
    expect(e.path).toMatch(/^ref-error\.xlsx!TABLE3:R\d+:C4$/);
    expect(e.message).toMatch(
      /\(cell D\d+\): holds the Excel error #REF!; expected a number or "\.\." \(not available\)$/,
    );
  });

  it('rejects a NATO year header that is not a year', async () => {
    const f = await editWorkbook(NATO_2024, dir, 'nato-year.xlsx', (wb) => {
      const ws = wb.getWorksheet('TABLE5');
      if (ws === undefined) throw new Error('no TABLE5');
      ws.getCell('F8').value = 'twenty';
    });
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('bad-year');
    expect(e.path).toBe('nato-year.xlsx!TABLE5:R8:C6');
    expect(e.message).toContain('header "twenty" is not a year; expected a year such as 2014, "2019" or "2024e"');
  });

  it('rejects a World Bank CSV without the "Country Code" column', async () => {
    const f = editText(WB_MILEX, dir, 'no-code.csv', '"Country Code",', '"Code",');
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-column');
    expect(e.path).toBe('no-code.csv:R5');
    expect(e.message).toMatch(
      /^no-code\.csv:R5: the header has no column "Country Code"; expected columns "Country Name", "Country Code"/,
    );
  });

  it('rejects a World Bank CSV row with a value that is not a number', async () => {
    const text = readFileSync(WB_MILEX, 'utf8');
    const line = text.split('\r\n').findIndex((l) => l.includes('"POL"')) + 1;
    const f = editText(WB_MILEX, dir, 'bad-number.csv', '"1.90822735552002"', '"1,908"');
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('bad-value');
    // 2014 is the 59th year from 1960, after four label columns
    expect(e.path).toBe(`bad-number.csv:R${line}:C${4 + 2014 - 1960 + 1}`);
    expect(e.message).toMatch(/: "1,908" is not a number; expected a number or "" \(no data\)$/);
  });

  it('rejects an unknown World Bank indicator code, naming the accepted ones', async () => {
    const f = editText(WB_GDP, dir, 'unknown-code.csv', '"NY.GDP.MKTP.CD"', '"SP.POP.TOTL"');
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('unknown-indicator');
    expect(e.message).toMatch(
      /^unknown-code\.csv:R6:C4: indicator code "SP\.POP\.TOTL" is not read; expected one of MS\.MIL\.XPND\.GD\.ZS, NY\.GDP\.MKTP\.CD, NY\.GDP\.MKTP\.KD$/,
    );
  });

  it('rejects a World Bank CSV without the "Last Updated Date" line', async () => {
    const f = editText(WB_GDP, dir, 'no-date.csv', '"Last Updated Date","2024-10-24",', '');
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('missing-date');
    expect(e.message).toContain('no "Last Updated Date" line; expected a line "Last Updated Date","YYYY-MM-DD"');
  });

  it('rejects a zip without a World Bank CSV, and plain text of no known format', async () => {
    const zip = put(dir, 'other.zip', makeZip({ 'readme.txt': Buffer.from('hello') }));
    const e = await rejection(readPublishedFile(zip));
    expect(e.code).toBe('unknown-format');
    expect(e.message).toMatch(
      /^other\.zip: the file is a zip archive but neither an xlsx workbook nor a World Bank download/,
    );
    const csv = await rejection(readPublishedFile(put(dir, 'plain.csv', 'a,b\n1,2\n')));
    expect(csv.code).toBe('unknown-format');
    expect(csv.message).toMatch(/^plain\.csv: the content matches no known format \(first line "a,b"\); expected/);
  });
});
