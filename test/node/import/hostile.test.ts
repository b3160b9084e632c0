import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeContent, readPublishedFile } from '../../../src/node/import/index.js';
import { checkInflatedSize, sheetNamesOf } from '../../../src/node/import/zip.js';
import { readSeriesCsv } from '../../../src/node/series-csv.js';
import { columnOf, editWorkbook, makeZip, rejection, rowOf, SIPRI_2025, tempDir, WB_GDP, WB_MILEX } from './helpers.js';

/** Write `bytes` to `dir/name` and return the path. */
function put(dir: string, name: string, bytes: Buffer | string): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

/** The World Bank excerpt with Poland's first figure replaced by `value`. */
function worldBankWith(file: string, dir: string, name: string, value: string): string {
  const text = readFileSync(file, 'utf8');
  const m = /"Poland","POL",[^\n]*?,"(\d[\d.]*)"/.exec(text);
  if (m === null) throw new Error('no Polish figure');
  const at = (m.index ?? 0) + m[0].length - (m[1] as string).length - 1;
  return put(dir, name, text.slice(0, at) + value + text.slice(at + (m[1] as string).length));
}

describe('the importers against hostile input', () => {
  const dir = tempDir();

  it('refuse a device and a pipe before reading a byte', async () => {
    const zero = await rejection(readPublishedFile('/dev/zero'));
    expect(zero.code).toBe('not-a-file');
    expect(zero.message).toMatch(/^zero: is a device, not a file; give the path/);
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const pipe = await rejection(readPublishedFile(fifo));
    expect(pipe.code).toBe('not-a-file');
    expect(pipe.message).toContain('is a pipe (FIFO), not a file');
    const folder = await rejection(readPublishedFile(dir));
    expect(folder.message).toContain('is a folder, not a file');
  });

  it('refuse an archive that inflates past the budget, without inflating it all', () => {
    const bomb = makeZip({ 'a.bin': Buffer.alloc(4 * 1024 * 1024) });
    expect(() => checkInflatedSize(bomb, 'bomb.zip', 1024 * 1024)).toThrow(
      /^bomb\.zip: the archive inflates to more than/,
    );
    expect(checkInflatedSize(bomb, 'bomb.zip')).toBe(4 * 1024 * 1024);
  });

  it('refuse a workbook-shaped zip bomb through the importer', async () => {
    // An overlapping-member bomb: 80 directory entries share one deflated member of 4 MiB of
    // zeros, so the archive is a few KiB and would inflate to 320 MiB.
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const base = makeZip({
      'xl/workbook.xml': Buffer.from('<workbook><sheets><sheet name="Share of GDP"/></sheets></workbook>'),
      'x.bin': zeros,
    });
    const f = put(dir, 'bomb.xlsx', withCopies(base, 'x.bin', 80));
    const e = await rejection(readPublishedFile(f));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^bomb\.xlsx: the archive inflates to more than its budget/);
  });

  it('read sheet names in one pass, whatever the markup', () => {
    expect(
      sheetNamesOf('<sheets><sheet name="A &amp; B" sheetId="1"/><x:sheet sheetId="2" name="C"/></sheets>'),
    ).toEqual(['A & B', 'C']);
    expect(sheetNamesOf('<sheetData name="no"/><sheets/>')).toEqual([]);
    // The crafted workbook.xml that made the former pattern quadratic: one unterminated tag of many
    // attributes. The scan ends (a bound that only a quadratic scan would exceed, not a benchmark).
    const crafted = `<sheet ${'a="b" '.repeat(200_000)}`;
    const t0 = performance.now();
    expect(sheetNamesOf(crafted)).toEqual([]);
    expect(sheetNamesOf(`${'<sheet x'.repeat(100_000)}>`)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuse impossible values, naming the cell and the accepted range', async () => {
    for (const [value, seen] of [
      ['-5', /gives -5 % of GDP, outside what milex_share_gdp can be; accepted 0 to 150 \(% of GDP\)/],
      ['5000', /gives 5000 % of GDP/],
      ['1e400', /is not a finite number once read/],
    ] as const) {
      const e = await rejection(readPublishedFile(worldBankWith(WB_MILEX, dir, `wb-${value}.csv`, value)));
      expect(e.code).toBe('out-of-range');
      expect(e.message).toMatch(/^wb-[^:]+\.csv:R\d+:C\d+: /);
      expect(e.message).toMatch(seen);
    }
    const gdp = await rejection(readPublishedFile(worldBankWith(WB_GDP, dir, 'wb-gdp.csv', '-1e12')));
    expect(gdp.message).toMatch(/outside what gdp_usd_current can be; accepted 0 to 1000000000 \(million US\$\)/);
  });

  it('refuse a SIPRI share that is not a share, and an overflowing one', async () => {
    for (const [value, seen] of [
      [-0.05, /gives -5 % of GDP/],
      [50, /gives 5000 % of GDP/],
      [1e308, /not a finite number once read/],
    ] as const) {
      let where = '';
      const f = await editWorkbook(SIPRI_2025, dir, `sipri-${value}.xlsx`, (wb) => {
        const ws = wb.getWorksheet('Share of GDP');
        if (ws === undefined) throw new Error('no sheet');
        const r = rowOf(ws, 'Poland');
        const c = columnOf(ws, rowOf(ws, 'Country'), '2000');
        ws.getCell(r, c).value = value;
        where = `sipri-${value}.xlsx!Share of GDP:R${r}:C${c}`;
      });
      const e = await rejection(readPublishedFile(f));
      expect(e.code).toBe('out-of-range');
      expect(e.path).toBe(where);
      expect(e.message).toMatch(seen);
    }
  });

  it('say what an unrecognised text file is', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"Data Source","World Development Indicators"', 'utf16le'),
    ]);
    const a = await rejection(readPublishedFile(put(dir, 'utf16.csv', utf16)));
    expect(a.message).toContain('UTF-16 text; save it as UTF-8 CSV');
    const b = await rejection(readPublishedFile(put(dir, 'semi.csv', 'Country;2024\nPoland;4,1\n')));
    expect(b.message).toContain('text separated by semicolons, first line "Country;2024"');
    expect(describeContent(Buffer.from('x'.repeat(500)))).toMatch(/…"$/);
  });
});

/** `zip` with `copies` more central-directory entries that point at the member `name`'s data. */
function withCopies(zip: Buffer, name: string, copies: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const start = zip.readUInt32LE(eocd + 16);
  let p = start;
  let entry: Buffer | undefined;
  for (let n = 0; n < count; n++) {
    const length = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (zip.toString('utf8', p + 46, p + 46 + zip.readUInt16LE(p + 28)) === name) entry = zip.subarray(p, p + length);
    p += length;
  }
  if (entry === undefined) throw new Error(`no member ${name}`);
  const more = Array.from({ length: copies }, () => entry as Buffer);
  const directory = Buffer.concat([zip.subarray(start, eocd), ...more]);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt16LE(count + copies, 8);
  end.writeUInt16LE(count + copies, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([zip.subarray(0, start), directory, end]);
}

describe('a series CSV of your own (fit --input)', () => {
  const dir = tempDir();

  it('is refused when it is a device, and a huge cell is not echoed whole', () => {
    expect(() => readSeriesCsv('/dev/zero')).toThrow(/^\/dev\/zero: is not a regular file \(a device or a pipe\)/);
    const huge = 'y'.repeat(100_000);
    const f = put(dir, 'huge.csv', `year,NATO\n2020,${huge}\n2021,1\n`);
    let message = '';
    try {
      readSeriesCsv(f);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/column NATO: "y{80}…" is not a number/);
    expect(message.length).toBeLessThan(400);
  });
});
