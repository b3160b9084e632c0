/**
 * Make the small importer fixtures of `test/fixtures/importers/` from the publishers' original files.
 *
 * Usage: npx tsx scripts/make-fixtures.ts <originals-folder>
 *
 * `<originals-folder>` holds `sipri/`, `nato/` and `worldbank/` with the files as SIPRI, NATO and the World
 * Bank distribute them. Each fixture keeps the publisher's layout (sheet names, title and header rows, fonts,
 * colours and number formats; for the CSV the BOM, CRLF line ends, quotes and trailing commas) but only a few
 * countries and years, so that fewer than 1,000 SIPRI values are reproduced.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Cell, Row, Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';

const OUT = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'importers');

/** Label text of a cell, trimmed. */
function text(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v.trim();
  if (v !== null && typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  return '';
}

function yearOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{4}e?$/.test(v.trim())) return Number(v.trim().slice(0, 4));
  return undefined;
}

/** Copy one row's chosen columns (value, style) into `to`, row `target`. */
function copyRow(from: Row, to: Worksheet, target: number, columns: readonly number[]): void {
  const row = to.getRow(target);
  if (from.height !== undefined) row.height = from.height;
  columns.forEach((c, i) => {
    const src = from.getCell(c);
    if (src.value === null && Object.keys(src.style ?? {}).length === 0) return;
    const dst = row.getCell(i + 1);
    dst.value = src.value;
    dst.style = structuredClone(src.style);
  });
  row.commit();
}

function newSheet(wb: Workbook, src: Worksheet, columns: readonly number[]): Worksheet {
  const ws = wb.addWorksheet(src.name);
  columns.forEach((c, i) => {
    const w = src.getColumn(c).width;
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  return ws;
}

interface SipriPlan {
  readonly from: string;
  readonly to: string;
  readonly countries: readonly string[];
  readonly labels: readonly string[];
  readonly firstYear: number;
  readonly lastYear: number;
}

const SIPRI_DATA_SHEETS = /^(Share of GDP|Current US\$|Constant \(\d{4}\) US\$)$/;

/** Keep every sheet's title and header rows; keep the chosen rows and years in the three sheets armsrace reads. */
async function sipri(originals: string, plan: SipriPlan): Promise<number> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(join(originals, 'sipri', plan.from));
  const out = new ExcelJS.Workbook();
  out.creator = 'armsrace make-fixtures (excerpt of a SIPRI workbook)';
  let values = 0;
  for (const ws of src.worksheets) {
    let header = 0;
    for (let r = 1; r <= ws.rowCount && header === 0; r++) {
      const a = text(ws.getRow(r).getCell(1));
      if (a === 'Country' || a === 'Region') header = r;
    }
    if (header === 0) {
      // Front page (empty) and Footnotes: keep the legend at the top only.
      const columns = Array.from({ length: Math.max(1, ws.columnCount) }, (_, i) => i + 1);
      const dst = newSheet(out, ws, columns);
      for (let r = 1; r <= Math.min(ws.rowCount, 11); r++) copyRow(ws.getRow(r), dst, r, columns);
      continue;
    }
    const columns: number[] = [];
    const headerRow = ws.getRow(header);
    for (let c = 1; c <= ws.columnCount; c++) {
      const y = yearOf(headerRow.getCell(c).value);
      if (y === undefined || (y >= plan.firstYear && y <= plan.lastYear)) columns.push(c);
    }
    const dst = newSheet(out, ws, columns);
    let target = 0;
    for (let r = 1; r <= header; r++) copyRow(ws.getRow(r), dst, ++target, columns);
    if (text(ws.getRow(header + 1).getCell(1)) === '') copyRow(ws.getRow(header + 1), dst, ++target, columns);
    if (!SIPRI_DATA_SHEETS.test(ws.name)) continue;
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const label = text(ws.getRow(r).getCell(1));
      if (plan.countries.includes(label)) {
        copyRow(ws.getRow(r), dst, ++target, columns);
        values += columns.filter((c) => yearOf(headerRow.getCell(c).value) !== undefined).length;
      } else if (plan.labels.includes(label)) {
        copyRow(ws.getRow(r), dst, ++target, columns);
      }
    }
  }
  await out.xlsx.writeFile(join(OUT, plan.to));
  return values;
}

/** NATO: every table's title and header rows, the chosen allies, the block labels, the aggregates and the notes. */
async function nato(originals: string, from: string, to: string, allies: readonly string[]): Promise<void> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(join(originals, 'nato', from));
  const out = new ExcelJS.Workbook();
  out.creator = 'armsrace make-fixtures (excerpt of a NATO TABLES workbook)';
  for (const ws of src.worksheets) {
    const columns = Array.from({ length: ws.columnCount }, (_, i) => i + 1);
    const dst = newSheet(out, ws, columns);
    let target = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const c = text(row.getCell(3));
      const name = c
        .replace(/\s*\(.*$/, '')
        .replace(/\*+$/, '')
        .trim();
      const keep = c === '' || /^(notes?\b|\*)/i.test(c) || allies.includes(name);
      if (keep) copyRow(row, dst, ++target, columns);
    }
  }
  await out.xlsx.writeFile(join(OUT, to));
}

/** World Bank: the four preamble lines, the header and the rows of the chosen codes, byte for byte. */
function worldBank(originals: string, from: string, to: string, codes: readonly string[]): void {
  const bytes = readFileSync(join(originals, 'worldbank', from));
  const lines = bytes.toString('utf8').split('\r\n');
  const header = lines.findIndex((l) => l.startsWith('"Country Name"'));
  const kept = [
    ...lines.slice(0, header + 1),
    ...lines.slice(header + 1).filter((l) => codes.some((c) => l.includes(`","${c}","`))),
  ];
  writeFileSync(join(OUT, to), `${kept.join('\r\n')}\r\n`);
}

async function main(): Promise<void> {
  const originals = process.argv[2];
  if (originals === undefined) {
    console.error('usage: npx tsx scripts/make-fixtures.ts <originals-folder>');
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  let values = 0;
  values += await sipri(originals, {
    from: 'SIPRI-Milex-data-1949-2024_2.xlsx',
    to: 'sipri-milex-2025-excerpt.xlsx',
    countries: ['Poland', 'Russia', 'USSR', 'Iceland', 'Ukraine'],
    labels: ['Europe', 'Eastern Europe'],
    firstYear: 1988,
    lastYear: 2024,
  });
  values += await sipri(originals, {
    from: 'SIPRI-Milex-data-1949-2022.xlsx',
    to: 'sipri-milex-2023-excerpt.xlsx',
    countries: ['Poland', 'Russia', 'USSR'],
    labels: ['Europe', 'Eastern Europe'],
    firstYear: 2012,
    lastYear: 2022,
  });
  values += await sipri(originals, {
    from: 'SIPRI-Milex-data-2017-2025.xlsx',
    to: 'sipri-milex-web-export-excerpt.xlsx',
    countries: ['Poland', 'Russia', 'Iceland', 'Ukraine'],
    labels: ['Europe', 'Eastern Europe'],
    firstYear: 2017,
    lastYear: 2024,
  });
  await nato(originals, '240617-def-exp-2024-TABLES-en.xlsx', 'nato-def-exp-2024-tables-excerpt.xlsx', [
    'Canada',
    'Czechia',
    'Poland',
    'Türkiye',
    'United States',
  ]);
  const codes = ['POL', 'RUS', 'USA', 'UKR', 'WLD'];
  worldBank(originals, 'API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv', 'API_MS.MIL.XPND.GD.ZS_excerpt.csv', codes);
  worldBank(originals, 'API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv', 'API_NY.GDP.MKTP.CD_excerpt.csv', codes);
  console.log(`wrote the fixtures to ${OUT}; SIPRI cells reproduced: ${values}`);
}

await main();
