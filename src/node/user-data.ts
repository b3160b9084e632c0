import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Dataset, type DatasetData } from '../core/data/dataset.js';
import { INDICATORS, type Indicator, type Series, type SourceInfo } from '../core/data/types.js';
import { DataFileError } from '../core/errors.js';
import { type ImportFormat, readPublishedFile } from './import/index.js';

/** One value that an import changed. */
export interface RevisedValue {
  readonly iso3: string;
  readonly indicator: Indicator;
  readonly year: number;
  readonly old: number;
  readonly new: number;
}

/** What {@link importIntoDataDir} did. */
export interface ImportReport {
  /** The file as given. */
  readonly file: string;
  readonly format: ImportFormat;
  readonly sourceId: string;
  /** Series of (country, indicator) that the edition did not hold before. */
  readonly seriesAdded: number;
  /** Values for years that had none before (in new series or in existing ones). */
  readonly valuesAdded: number;
  readonly valuesRevised: RevisedValue[];
  readonly valuesUnchanged: number;
  readonly warnings: string[];
}

/** One line of `imports.log.json`. */
export interface ImportLogEntry {
  /** ISO time of the import. */
  readonly at: string;
  /** Absolute path of the imported file. */
  readonly file: string;
  readonly sha256: string;
  readonly format: ImportFormat;
  readonly sourceId: string;
  readonly seriesAdded: number;
  readonly valuesAdded: number;
  readonly valuesRevised: number;
  readonly valuesUnchanged: number;
  readonly warnings: number;
}

const EDITIONS = 'editions';
const LOG = 'imports.log.json';

/**
 * Return the user data directory: `$ARMSRACE_DATA_DIR`, else `$XDG_DATA_HOME/armsrace`, else `~/.local/share/armsrace`.
 *
 * @param env the environment to read (defaults to `process.env`); empty and, for XDG_DATA_HOME, relative values are ignored
 * @example defaultDataDir({ XDG_DATA_HOME: '/data' }) // '/data/armsrace'
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.ARMSRACE_DATA_DIR;
  if (own !== undefined && own !== '') return resolve(own);
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'armsrace');
  return join(homedir(), '.local', 'share', 'armsrace');
}

/** The file of an edition in a data directory. */
function editionFile(dataDir: string, sourceId: string): string {
  return join(dataDir, EDITIONS, `${sourceId}.json`);
}

/**
 * Write `text` to `file` atomically: a temporary file in the same folder is written, flushed to disk and renamed.
 *
 * @throws {Error} the file-system error; the temporary file is removed and `file` is left as it was
 * @example await writeFileAtomic('/data/armsrace/imports.log.json', '[]\n');
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

const fail = (file: string, message: string): DataFileError =>
  new DataFileError('bad-edition', `${file}: ${message}; expected an edition written by "armsrace data import"`, file);

/** Check that `data` is an edition file's content; return it typed. */
function checkEdition(data: unknown, file: string): DatasetData {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw fail(file, 'the JSON is not an object');
  const d = data as Record<string, unknown>;
  if (d.version !== 1) throw fail(file, `"version" is ${JSON.stringify(d.version)}, not 1`);
  if (!Array.isArray(d.sources) || d.sources.length === 0) throw fail(file, '"sources" is not a non-empty array');
  const ids = new Set<string>();
  d.sources.forEach((s: unknown, i) => {
    const o = s as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o.id !== 'string' || o.id === '') {
      throw fail(file, `sources[${i}] has no "id"`);
    }
    for (const k of ['publisher', 'title', 'edition', 'citation'] as const) {
      if (typeof o[k] !== 'string') throw fail(file, `sources[${i}].${k} is not text`);
    }
    if (typeof o.released !== 'number') throw fail(file, `sources[${i}].released is not a number`);
    ids.add(o.id);
  });
  if (!Array.isArray(d.series)) throw fail(file, '"series" is not an array');
  d.series.forEach((s: unknown, i) => {
    const o = s as Record<string, unknown> | null;
    const at = `series[${i}]`;
    if (o === null || typeof o !== 'object') throw fail(file, `${at} is not an object`);
    if (typeof o.iso3 !== 'string' || o.iso3 === '') throw fail(file, `${at}.iso3 is not text`);
    if (!INDICATORS.includes(o.indicator as Indicator)) {
      throw fail(file, `${at}.indicator ${JSON.stringify(o.indicator)} is not one of ${INDICATORS.join(', ')}`);
    }
    if (typeof o.unit !== 'string') throw fail(file, `${at}.unit is not text`);
    if (typeof o.source !== 'string' || !ids.has(o.source)) {
      throw fail(file, `${at}.source ${JSON.stringify(o.source)} is not a source of the file`);
    }
    if (!Number.isInteger(o.firstYear)) throw fail(file, `${at}.firstYear is not an integer`);
    if (
      !Array.isArray(o.values) ||
      !o.values.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      throw fail(file, `${at}.values is not an array of numbers and nulls`);
    }
    if (typeof o.flags !== 'string' || o.flags.length !== o.values.length || !/^[.eups]*$/.test(o.flags)) {
      throw fail(file, `${at}.flags is not one of ". e u p s" per value`);
    }
  });
  return {
    version: 1,
    sources: d.sources as SourceInfo[],
    countries: Array.isArray(d.countries) ? (d.countries as DatasetData['countries']) : [],
    accessions: Array.isArray(d.accessions) ? (d.accessions as DatasetData['accessions']) : [],
    series: d.series as Series[],
  };
}

/** Parse an edition file's text; a file that is not valid JSON or not an edition is a {@link DataFileError}. */
function parseEdition(text: string, file: string): DatasetData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw fail(file, `it is not valid JSON (${(e as Error).message})`);
  }
  return checkEdition(data, file);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** True when `next` equals `old`, or `old` is `next` rounded to the decimals `old` is written with. */
function sameValue(old: number, next: number): boolean {
  if (old === next) return true;
  const m = /^-?\d+(?:\.(\d+))?$/.exec(String(old));
  const decimals = m?.[1]?.length ?? 0;
  return m !== null && decimals <= 10 && Number(next.toFixed(decimals)) === old;
}

/**
 * Import a publisher's file into a user data directory: read it, compare it with the edition of the same
 * source id the directory holds (else with the embedded dataset's series of that id), and write the merged
 * edition to `<dataDir>/editions/<source-id>.json`; a series of the file replaces the one of the same country
 * and indicator. The edition and `<dataDir>/imports.log.json` are written atomically. When the file cannot be
 * read, nothing in `dataDir` is touched.
 *
 * @param file path of a SIPRI or NATO .xlsx, or a World Bank .csv/.zip
 * @param dataDir the user data directory (see {@link defaultDataDir}); created when missing
 * @param embedded the embedded dataset, the base for a source id the directory does not hold yet
 * @returns counts of added, revised and unchanged values, and the reader's warnings
 * @throws {DataFileError} when the file cannot be read, or the directory's edition or log is damaged
 * @example const r = await importIntoDataDir('SIPRI-Milex-data-1949-2024_2.xlsx', defaultDataDir(), loadDataset());
 */
export async function importIntoDataDir(file: string, dataDir: string, embedded: Dataset): Promise<ImportReport> {
  const edition = await readPublishedFile(file);
  const bytes = await readFile(file);
  const id = edition.source.id;
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) {
    throw new DataFileError('bad-source-id', `${file}: source id "${id}" is not a safe file name`, file);
  }
  const target = editionFile(dataDir, id);
  const logFile = join(dataDir, LOG);
  const existingText = await readIfExists(target);
  const base: readonly Series[] =
    existingText === undefined ? embedded.list({ source: id }) : parseEdition(existingText, target).series;
  const logText = await readIfExists(logFile);
  let log: unknown[] = [];
  if (logText !== undefined) {
    try {
      log = JSON.parse(logText) as unknown[];
    } catch (e) {
      throw new DataFileError(
        'bad-import-log',
        `${logFile}: it is not valid JSON (${(e as Error).message}); expected a JSON array`,
        logFile,
      );
    }
    if (!Array.isArray(log)) {
      throw new DataFileError('bad-import-log', `${logFile}: it is not a JSON array; expected a JSON array`, logFile);
    }
  }

  const byKey = new Map(base.map((s) => [`${s.iso3}|${s.indicator}`, s]));
  let seriesAdded = 0;
  let valuesAdded = 0;
  let valuesUnchanged = 0;
  const valuesRevised: RevisedValue[] = [];
  const dropped: string[] = [];
  for (const s of edition.series) {
    const old = byKey.get(`${s.iso3}|${s.indicator}`);
    if (old === undefined) seriesAdded++;
    s.values.forEach((v, i) => {
      if (v === null) return;
      const year = s.firstYear + i;
      const j = old === undefined ? -1 : year - old.firstYear;
      const before = old === undefined || j < 0 ? null : (old.values[j] ?? null);
      if (before === null) valuesAdded++;
      else if (sameValue(before, v)) valuesUnchanged++;
      else valuesRevised.push({ iso3: s.iso3, indicator: s.indicator, year, old: before, new: v });
    });
    old?.values.forEach((v, j) => {
      const year = old.firstYear + j;
      const i = year - s.firstYear;
      if (v !== null && (i < 0 || i >= s.values.length || s.values[i] === null)) {
        dropped.push(`${s.iso3} ${s.indicator} ${year}`);
      }
    });
  }
  const warnings = [...edition.warnings];
  if (dropped.length > 0) {
    warnings.push(
      `${dropped.length} values of the previous ${id} are absent from this file and were dropped ` +
        `(${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}); the file's series replace the previous ones`,
    );
  }

  const imported = new Map(edition.series.map((s) => [`${s.iso3}|${s.indicator}`, s]));
  const merged: Series[] = [];
  for (const s of base) {
    const k = `${s.iso3}|${s.indicator}`;
    const next = imported.get(k);
    merged.push(next ?? s);
    imported.delete(k);
  }
  merged.push(...imported.values());
  const data: DatasetData = { version: 1, sources: [edition.source], countries: [], accessions: [], series: merged };

  const report: ImportReport = {
    file,
    format: edition.format,
    sourceId: id,
    seriesAdded,
    valuesAdded,
    valuesRevised,
    valuesUnchanged,
    warnings,
  };
  const entry: ImportLogEntry = {
    at: new Date().toISOString(),
    file: resolve(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: edition.format,
    sourceId: id,
    seriesAdded,
    valuesAdded,
    valuesRevised: valuesRevised.length,
    valuesUnchanged,
    warnings: warnings.length,
  };
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, `${JSON.stringify(data)}\n`);
  await writeFileAtomic(logFile, `${JSON.stringify([...log, entry], null, 1)}\n`);
  return report;
}

/**
 * Load the embedded dataset plus every edition in `<dataDir>/editions/`: a user series replaces the embedded series
 * of the same country, indicator and source; a user source replaces the embedded source of the same id; new
 * sources and series are added. A directory without editions gives the embedded data.
 *
 * @param dataDir the user data directory (see {@link defaultDataDir})
 * @param embedded the embedded dataset
 * @throws {DataFileError} `bad-edition` naming the file when an edition is not valid JSON or not an edition
 * @example loadUserDataset(defaultDataDir(), loadDataset()).editions('sipri-')[0]?.id // 'sipri-2025'
 */
export function loadUserDataset(dataDir: string, embedded: Dataset): Dataset {
  const dir = join(dataDir, EDITIONS);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return embedded;
    throw e;
  }
  if (files.length === 0) return embedded;
  const sources = new Map(embedded.data.sources.map((s) => [s.id, s]));
  const key = (s: Series) => `${s.iso3}|${s.indicator}|${s.source}`;
  const series = new Map(embedded.data.series.map((s) => [key(s), s]));
  for (const f of files) {
    const path = join(dir, f);
    const data = parseEdition(readFileSync(path, 'utf8'), path);
    for (const s of data.sources) sources.set(s.id, s);
    for (const s of data.series) series.set(key(s), s);
  }
  return new Dataset({ ...embedded.data, sources: [...sources.values()], series: [...series.values()] });
}
