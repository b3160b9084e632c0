import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ArmsraceError, InputError } from '../core/errors.js';
import { parseScenario } from '../core/scenario/parse-scenario.js';
import { defaultDataDir } from './user-data.js';

/** A saved scenario as listed: everything but its text. */
export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  /** ISO time of creation. */
  readonly created: string;
  /** ISO time of the last change of name or text. */
  readonly updated: string;
}

/** A saved scenario with its YAML (or JSON) text. */
export interface SavedScenario extends ScenarioSummary {
  readonly yaml: string;
}

/** A result stored for a saved scenario: the JSON text as it was written. */
export interface StoredResult {
  readonly scenarioId: string;
  /** The result as JSON text. */
  readonly json: string;
  /** ISO time the result was stored. */
  readonly created: string;
}

/** Whether the store can be used: `damaged` when the file failed its integrity check. */
export type StoreHealth =
  | { readonly status: 'ok' }
  | { readonly status: 'damaged'; readonly code: 'store-damaged'; readonly message: string };

/**
 * The saved-scenario store; every write is one transaction, durable once the call returns. A store
 * whose file is damaged refuses every call with {@link StoreUnavailableError} `store-damaged`.
 */
export interface ScenarioStore {
  /** The database file. */
  readonly path: string;
  /** `ok`, or `damaged` with a message saying how to recover. */
  health(): StoreHealth;
  /** Every saved scenario, by name. */
  list(): ScenarioSummary[];
  /** The scenario `id`, or `undefined`. */
  get(id: string): SavedScenario | undefined;
  /** Save a new scenario; the text is validated first. */
  create(input: { name: string; yaml: string }): SavedScenario;
  /** Rename a scenario and/or replace its text; replacing the text drops its stored results. */
  update(id: string, changes: { name?: string; yaml?: string }): SavedScenario;
  /** Delete a scenario and its results; false when there was none. */
  remove(id: string): boolean;
  /** Store a result (JSON text) for scenario `id`. */
  saveResult(id: string, json: string): StoredResult;
  /** The newest result stored for scenario `id`, or `undefined`. */
  latestResult(id: string): StoredResult | undefined;
  /** Close the database. */
  close(): void;
}

/** Longest accepted scenario name, in characters. */
export const MAX_NAME_LENGTH = 200;

/** A store failure caused by the caller: a missing id, a taken or empty name. */
export class StoreError extends InputError {}

/**
 * The store cannot do what was asked, through no fault of the caller: `store-damaged` (the file
 * failed its integrity check; nothing is read from it or written to it), `store-full` (the disk or
 * the size limit is reached; nothing was written), `store-busy` (another connection held the write
 * lock past the busy timeout; nothing was written).
 */
export class StoreUnavailableError extends ArmsraceError {}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** How long a write waits for another connection's lock before `store-busy`, ms; default 5,000. */
  readonly busyTimeoutMs?: number;
  /** Largest size of the database, bytes; a write past it refuses with `store-full`. Default: the disk's. */
  readonly maxSizeBytes?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS scenarios (
  id TEXT PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,
  yaml TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  json TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_by_scenario ON results (scenario_id, seq);
`;

/**
 * Return the default database file: `<defaultDataDir()>/armsrace.db`.
 *
 * @param env the environment to read (defaults to `process.env`)
 * @example defaultStorePath({ ARMSRACE_DATA_DIR: '/data' }) // '/data/armsrace.db'
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), 'armsrace.db');
}

function checkName(name: unknown): string {
  if (typeof name !== 'string') {
    throw new StoreError(
      'bad-name',
      `name: ${JSON.stringify(name) ?? 'missing'} is not text; give the scenario a name, e.g. "Hague met"`,
      'name',
    );
  }
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
    throw new StoreError(
      'bad-name',
      `name: "${trimmed.slice(0, 40)}${trimmed.length > 40 ? '…' : ''}" is ${trimmed === '' ? 'empty' : `${trimmed.length} characters long`}; use 1 to ${MAX_NAME_LENGTH} characters, e.g. "Hague met"`,
      'name',
    );
  }
  return trimmed;
}

function checkYaml(yaml: unknown): string {
  if (typeof yaml !== 'string') {
    throw new StoreError(
      'bad-yaml',
      `yaml: ${JSON.stringify(yaml) ?? 'missing'} is not text; give the scenario as YAML or JSON text`,
      'yaml',
    );
  }
  parseScenario(yaml); // throws ScenarioError: a broken scenario is never stored
  return yaml;
}

/** A value as echoed in a message: at most 80 characters, then "…". */
function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
}

const notFound = (id: string) =>
  new StoreError(
    'scenario-not-found',
    `id: "${clip(id)}" is not a saved scenario; GET /api/scenarios lists them`,
    'id',
  );

const taken = (name: string) =>
  new StoreError(
    'duplicate-name',
    `name: "${clip(name)}" is already taken by another saved scenario; choose another`,
    'name',
  );

/** SQLite's answer for a file that is not a sound database. */
const isCorrupt = (e: unknown) =>
  e instanceof Database.SqliteError && (e.code.startsWith('SQLITE_CORRUPT') || e.code.startsWith('SQLITE_NOTADB'));
const isFull = (e: unknown) => e instanceof Database.SqliteError && e.code.startsWith('SQLITE_FULL');
const isBusy = (e: unknown) =>
  e instanceof Database.SqliteError && (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'));

function damagedMessage(file: string, reason: string): string {
  return `${file}: the scenario store is damaged (${clip(reason, 120)}), so nothing is read from it or written to it; to recover, stop the server, move it aside (e.g. mv ${file} ${file}.damaged, with its -wal and -shm files if any) and start the server again: it creates a new, empty store (sqlite3's .recover command can rescue what the damaged file still holds)`;
}

const isUniqueViolation = (e: unknown) =>
  e instanceof Database.SqliteError && (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT');

/**
 * Open (creating when missing) the saved-scenario store: a SQLite database in WAL mode with
 * `synchronous = FULL`, so a write acknowledged by a returning call survives a crash or power loss.
 *
 * The file is checked (`PRAGMA quick_check`) before anything is written to it: a damaged file is
 * left as it is, and the store answers {@link ScenarioStore.health} `damaged` and refuses every call
 * with `store-damaged` (as it does from the moment SQLite reports damage later). Several processes
 * may share one file: every write takes the write lock when it starts and waits up to
 * `busyTimeoutMs` for another's to end (then `store-busy`); a full disk or a write past
 * `maxSizeBytes` is refused with `store-full`, and nothing of it is written.
 *
 * @param path the database file (default {@link defaultStorePath}); its folder is created when missing
 * @throws {ArmsraceError} `store-open` when the file cannot be opened as a database (a folder, no permission)
 * @example const store = openStore('/tmp/armsrace.db'); store.create({ name: 'Baseline', yaml: 'end: 2040' }).name // 'Baseline'
 */
export function openStore(path: string = defaultStorePath(), options: StoreOptions = {}): ScenarioStore {
  const file = path === ':memory:' ? path : resolve(path);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!(Number.isInteger(busyTimeoutMs) && busyTimeoutMs >= 0)) {
    throw new RangeError(`busyTimeoutMs: ${busyTimeoutMs} is not accepted; use a whole number of ms ≥ 0, e.g. 5000`);
  }
  if (options.maxSizeBytes !== undefined && !(Number.isFinite(options.maxSizeBytes) && options.maxSizeBytes > 0)) {
    throw new RangeError(`maxSizeBytes: ${options.maxSizeBytes} is not accepted; use a size in bytes, e.g. 104857600`);
  }
  const openError = (e: unknown) =>
    new ArmsraceError(
      'store-open',
      `${file}: cannot be opened as the scenario store (${(e as Error).message}); give a writable path for a SQLite file`,
      file,
    );
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (e) {
    throw openError(e);
  }
  let damage: string | undefined;
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Read-only, before the first write (the journal mode, the schema) could touch a damaged file.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') damage = String(check);
    else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.exec(SCHEMA);
      if (options.maxSizeBytes !== undefined) {
        const pageSize = db.pragma('page_size', { simple: true }) as number;
        db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
      }
    }
  } catch (e) {
    if (!isCorrupt(e)) {
      db.close();
      throw openError(e);
    }
    damage = (e as Error).message;
  }
  if (damage !== undefined) {
    db.close();
    return damagedStore(file, damage);
  }

  const q = {
    list: db.prepare<[], ScenarioSummary>('SELECT id, name, created, updated FROM scenarios ORDER BY name, id'),
    get: db.prepare<[string], SavedScenario>('SELECT id, name, yaml, created, updated FROM scenarios WHERE id = ?'),
    byName: db.prepare<[string], { id: string }>('SELECT id FROM scenarios WHERE name = ?'),
    insert: db.prepare('INSERT INTO scenarios (id, name, yaml, created, updated) VALUES (?, ?, ?, ?, ?)'),
    rename: db.prepare('UPDATE scenarios SET name = ?, updated = ? WHERE id = ?'),
    replace: db.prepare('UPDATE scenarios SET yaml = ?, updated = ? WHERE id = ?'),
    dropResults: db.prepare('DELETE FROM results WHERE scenario_id = ?'),
    remove: db.prepare('DELETE FROM scenarios WHERE id = ?'),
    addResult: db.prepare('INSERT INTO results (scenario_id, json, created) VALUES (?, ?, ?)'),
    latest: db.prepare<[string], { scenarioId: string; json: string; created: string }>(
      'SELECT scenario_id AS scenarioId, json, created FROM results WHERE scenario_id = ? ORDER BY seq DESC LIMIT 1',
    ),
  };

  const now = () => new Date().toISOString();
  const mustGet = (id: string): SavedScenario => {
    const row = q.get.get(id);
    if (row === undefined) throw notFound(id);
    return row;
  };

  const create = db.transaction((name: string, yaml: string): SavedScenario => {
    if (q.byName.get(name) !== undefined) throw taken(name);
    const at = now();
    const id = randomUUID();
    q.insert.run(id, name, yaml, at, at);
    return { id, name, yaml, created: at, updated: at };
  });

  const update = db.transaction((id: string, name: string | undefined, yaml: string | undefined): SavedScenario => {
    const old = mustGet(id);
    const at = now();
    if (name !== undefined && name !== old.name) {
      const other = q.byName.get(name);
      if (other !== undefined && other.id !== id) throw taken(name);
      q.rename.run(name, at, id);
    }
    if (yaml !== undefined && yaml !== old.yaml) {
      q.replace.run(yaml, at, id);
      q.dropResults.run(id);
    }
    return mustGet(id);
  });

  const remove = db.transaction((id: string): boolean => q.remove.run(id).changes > 0);

  const saveResult = db.transaction((id: string, json: string): StoredResult => {
    mustGet(id);
    const at = now();
    q.addResult.run(id, json, at);
    return { scenarioId: id, json, created: at };
  });

  let closed = false;
  /** Run one call against the database, mapping SQLite's failures to the store's errors. */
  const guard = <T>(fn: () => T, name?: string): T => {
    if (damage !== undefined) throw new StoreUnavailableError('store-damaged', damagedMessage(file, damage));
    try {
      return fn();
    } catch (e) {
      // Two writers racing for one name: the UNIQUE constraint decides.
      if (name !== undefined && isUniqueViolation(e)) throw taken(name);
      if (isCorrupt(e)) {
        damage = (e as Error).message;
        throw new StoreUnavailableError('store-damaged', damagedMessage(file, damage));
      }
      if (isFull(e)) {
        throw new StoreUnavailableError(
          'store-full',
          `${file}: the scenario store is full (${options.maxSizeBytes === undefined ? 'the disk has no space left' : `its limit is ${options.maxSizeBytes.toLocaleString('en-US')} bytes`}); nothing was written; delete saved scenarios or free disk space, then try again`,
        );
      }
      if (isBusy(e)) {
        throw new StoreUnavailableError(
          'store-busy',
          `${file}: another process held the scenario store's write lock for over ${busyTimeoutMs / 1000} s; nothing was written; try again in a moment`,
        );
      }
      throw e;
    }
  };

  return {
    path: file,
    health: () =>
      damage === undefined
        ? { status: 'ok' }
        : { status: 'damaged', code: 'store-damaged', message: damagedMessage(file, damage) },
    list: () => guard(() => q.list.all()),
    get: (id) => guard(() => q.get.get(id)),
    create(input) {
      const name = checkName(input.name);
      const yaml = checkYaml(input.yaml);
      return guard(() => create.immediate(name, yaml), name);
    },
    update(id, changes) {
      const name = changes.name === undefined ? undefined : checkName(changes.name);
      const yaml = changes.yaml === undefined ? undefined : checkYaml(changes.yaml);
      return guard(() => update.immediate(id, name, yaml), name);
    },
    remove: (id) => guard(() => remove.immediate(id)),
    saveResult(id, json) {
      if (typeof json !== 'string') throw new TypeError('json: a result must be given as JSON text');
      return guard(() => saveResult.immediate(id, json));
    },
    latestResult: (id) => guard(() => q.latest.get(id)),
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** The store of a damaged file: reports it, and refuses every call without touching the file. */
function damagedStore(file: string, reason: string): ScenarioStore {
  const refuse = (): never => {
    throw new StoreUnavailableError('store-damaged', damagedMessage(file, reason));
  };
  return {
    path: file,
    health: () => ({ status: 'damaged', code: 'store-damaged', message: damagedMessage(file, reason) }),
    list: refuse,
    get: refuse,
    create: refuse,
    update: refuse,
    remove: refuse,
    saveResult: refuse,
    latestResult: refuse,
    close: () => undefined,
  };
}
