import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/core/scenario/parse-scenario.js';
import {
  defaultStorePath,
  openStore,
  type ScenarioStore,
  StoreError,
  StoreUnavailableError,
} from '../../src/node/store.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'armsrace-store-')), 'nested', 'armsrace.db');
const open: ScenarioStore[] = [];
const openTracked = (path: string, options?: Parameters<typeof openStore>[1]) => {
  const store = openStore(path, options);
  open.push(store);
  return store;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Rows of a table read through a second connection, as another process would see them. */
function rows(path: string, table: 'scenarios' | 'results'): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('openStore', () => {
  it('creates the folder, the schema and a WAL database', () => {
    const path = fresh();
    const store = openTracked(path);
    expect(existsSync(path)).toBe(true);
    expect(store.list()).toEqual([]);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(['results', 'scenarios', 'sqlite_sequence']);
    db.close();
  });

  it('defaults to armsrace.db in the user data directory', () => {
    expect(defaultStorePath({ ARMSRACE_DATA_DIR: '/data/ar' })).toBe('/data/ar/armsrace.db');
  });

  it('keeps what was saved across a close and a reopen', () => {
    const path = fresh();
    const first = openStore(path);
    const saved = first.create({ name: 'Baseline', yaml: 'end: 2040\n' });
    first.close();
    expect(openTracked(path).get(saved.id)).toEqual(saved);
  });
});

describe('store CRUD', () => {
  it('creates, gets, lists by name, updates and removes', () => {
    const store = openTracked(fresh());
    const b = store.create({ name: 'Hague met', yaml: 'pledges:\n  - { target: 3.5%, by: 2035 }\n' });
    const a = store.create({ name: '  Baseline  ', yaml: 'end: 2040' });
    expect(a.name).toBe('Baseline');
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.get(b.id)?.yaml).toContain('3.5%');
    expect(store.list().map((s) => s.name)).toEqual(['Baseline', 'Hague met']);
    expect(store.list()[0]).not.toHaveProperty('yaml');

    const changed = store.update(a.id, { yaml: 'end: 2045' });
    expect(changed.yaml).toBe('end: 2045');
    expect(changed.name).toBe('Baseline');
    expect(changed.created).toBe(a.created);
    expect(changed.updated >= a.updated).toBe(true);

    expect(store.remove(a.id)).toBe(true);
    expect(store.remove(a.id)).toBe(false);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.list().map((s) => s.name)).toEqual(['Hague met']);
  });

  it('renames, and a rename to its own name changes nothing', () => {
    const store = openTracked(fresh());
    const s = store.create({ name: 'Old', yaml: 'end: 2040' });
    expect(store.update(s.id, { name: 'New' }).name).toBe('New');
    expect(store.update(s.id, { name: 'New' }).name).toBe('New');
    expect(store.list().map((x) => x.name)).toEqual(['New']);
  });

  it('refuses a taken name on create and on rename with duplicate-name', () => {
    const store = openTracked(fresh());
    const a = store.create({ name: 'A', yaml: 'end: 2040' });
    store.create({ name: 'B', yaml: 'end: 2040' });
    expect(() => store.create({ name: 'A', yaml: 'end: 2041' })).toThrow(
      expect.objectContaining({ code: 'duplicate-name', path: 'name', message: expect.stringContaining('"A"') }),
    );
    expect(() => store.update(a.id, { name: 'B' })).toThrow(StoreError);
    expect(store.get(a.id)?.name).toBe('A');
  });

  it('refuses an empty or non-text name with bad-name', () => {
    const store = openTracked(fresh());
    expect(() => store.create({ name: '   ', yaml: 'end: 2040' })).toThrow(
      expect.objectContaining({ code: 'bad-name' }),
    );
    expect(() => store.create({ name: 42 as unknown as string, yaml: 'end: 2040' })).toThrow(
      expect.objectContaining({ code: 'bad-name' }),
    );
  });

  it('throws scenario-not-found for a missing id', () => {
    const store = openTracked(fresh());
    expect(() => store.update('nope', { name: 'x' })).toThrow(expect.objectContaining({ code: 'scenario-not-found' }));
    expect(() => store.saveResult('nope', '{}')).toThrow(expect.objectContaining({ code: 'scenario-not-found' }));
    expect(store.get('nope')).toBeUndefined();
  });
});

describe('store validation', () => {
  it('refuses a broken scenario and writes nothing', () => {
    const path = fresh();
    const store = openTracked(path);
    const ok = store.create({ name: 'Good', yaml: 'end: 2040' });
    const before = store.list();
    for (const yaml of [
      'end: [unclosed',
      'start: 2050\nend: 2040',
      'pledges:\n  - { target: 150%, by: 2035 }',
      'colour: red',
    ]) {
      expect(() => store.create({ name: 'Broken', yaml })).toThrow(ScenarioError);
    }
    expect(() => store.update(ok.id, { yaml: 'end: 1800' })).toThrow(ScenarioError);
    expect(() => store.update(ok.id, { name: 'Renamed', yaml: 'unknown_field: 1' })).toThrow(ScenarioError);
    expect(store.list()).toEqual(before);
    expect(store.get(ok.id)?.yaml).toBe('end: 2040');
    expect(rows(path, 'scenarios')).toBe(1);
  });

  it('names the offending field of a broken scenario', () => {
    const store = openTracked(fresh());
    try {
      store.create({ name: 'x', yaml: 'start: 2050\nend: 2040' });
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).issues[0]?.path).toBe('scenario.end');
    }
  });
});

describe('store results', () => {
  it('returns the latest result, drops results when the text changes, cascades on remove', () => {
    const path = fresh();
    const store = openTracked(path);
    const s = store.create({ name: 'S', yaml: 'end: 2040' });
    expect(store.latestResult(s.id)).toBeUndefined();
    store.saveResult(s.id, '{"n":1}');
    const second = store.saveResult(s.id, '{"n":2}');
    expect(store.latestResult(s.id)).toEqual(second);
    store.update(s.id, { name: 'S renamed' });
    expect(store.latestResult(s.id)?.json).toBe('{"n":2}');
    store.update(s.id, { yaml: 'end: 2041' });
    expect(store.latestResult(s.id)).toBeUndefined();
    store.saveResult(s.id, '{"n":3}');
    store.remove(s.id);
    expect(rows(path, 'results')).toBe(0);
  });
});

describe('store durability', () => {
  it('keeps every acknowledged scenario when the writer is killed with SIGKILL mid-way', async () => {
    const path = fresh();
    openStore(path).close(); // create the schema before the child races for it
    const writer = join(import.meta.dirname, 'fixtures', 'store-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: join(import.meta.dirname, '..', '..'),
    });
    const acknowledged: { id: string; name: string }[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        pending += d.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const [id, name] = line.split('\t');
          if (id && name) acknowledged.push({ id, name });
        }
        if (acknowledged.length >= 200) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer stopped before it was killed: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = openTracked(path);
    for (const { id, name } of acknowledged) {
      const saved = store.get(id);
      expect(saved?.name).toBe(name);
      expect(saved?.yaml).toContain(`name: ${name}\n`);
    }
    expect(store.list().length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 30_000);
});

/** A store of `count` scenarios, closed (its WAL checkpointed into the file), then 8 KiB overwritten mid-file. */
function corruptedStore(count = 300): string {
  const path = fresh();
  const store = openStore(path);
  for (let i = 0; i < count; i++) {
    store.create({
      name: `scenario ${i}`,
      yaml: `name: scenario ${i}\ndescription: ${'lorem ipsum '.repeat(40)}\nend: 2040\n`,
    });
  }
  store.close();
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  return path;
}

const unavailable = (code: string) => expect.objectContaining({ code, message: expect.any(String) });

describe('store integrity', () => {
  it('opens a corrupted file as damaged: every call refuses with store-damaged, nothing is written', () => {
    const path = corruptedStore();
    const before = readFileSync(path);
    const store = openTracked(path);
    const health = store.health();
    expect(health).toMatchObject({ status: 'damaged', code: 'store-damaged' });
    const message = health.status === 'damaged' ? health.message : '';
    expect(message).toContain(path);
    expect(message).toMatch(/move it aside/);
    expect(() => store.create({ name: 'new', yaml: 'end: 2040' })).toThrow(unavailable('store-damaged'));
    expect(() => store.create({ name: 'new', yaml: 'end: 2040' })).toThrow(StoreUnavailableError);
    expect(() => store.list()).toThrow(unavailable('store-damaged'));
    expect(() => store.get('x')).toThrow(unavailable('store-damaged'));
    expect(() => store.remove('x')).toThrow(unavailable('store-damaged'));
    store.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('opens a file that is not a database at all as damaged, and leaves it as it was', () => {
    const path = fresh();
    openStore(path).close();
    writeFileSync(path, 'this is not a database'.repeat(500));
    const store = openTracked(path);
    expect(store.health()).toMatchObject({ status: 'damaged', code: 'store-damaged' });
    expect(() => store.create({ name: 'new', yaml: 'end: 2040' })).toThrow(unavailable('store-damaged'));
    expect(readFileSync(path, 'utf8')).toBe('this is not a database'.repeat(500));
  });

  it('reports a healthy store as ok', () => {
    expect(openTracked(fresh()).health()).toEqual({ status: 'ok' });
  });
});

describe('store locking', () => {
  it('waits for a writer of another thread to finish, then writes', async () => {
    const path = fresh();
    const store = openTracked(path, { busyTimeoutMs: 5000 });
    store.create({ name: 'first', yaml: 'end: 2040' });
    // Another connection in another thread takes the write lock and holds it for 300 ms.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.module);
       const db = new Database(workerData.path);
       db.exec('BEGIN IMMEDIATE');
       db.prepare("INSERT INTO scenarios (id, name, yaml, created, updated) VALUES ('held', 'held', 'end: 2040', 'x', 'x')").run();
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: { path, module: createRequire(import.meta.url).resolve('better-sqlite3') } },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    const started = performance.now();
    expect(store.create({ name: 'second', yaml: 'end: 2040' }).name).toBe('second');
    expect(performance.now() - started).toBeGreaterThan(100);
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(store.list().map((s) => s.name)).toEqual(['first', 'held', 'second']);
  });

  it('refuses with store-busy, and writes nothing, when another connection holds the lock past the timeout', () => {
    const path = fresh();
    const store = openTracked(path, { busyTimeoutMs: 100 });
    const s = store.create({ name: 'held', yaml: 'end: 2040' });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    expect(() => store.update(s.id, { name: 'renamed' })).toThrow(unavailable('store-busy'));
    expect(() => store.saveResult(s.id, '{}')).toThrow(unavailable('store-busy'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    other.exec('ROLLBACK');
    other.close();
    expect(store.get(s.id)?.name).toBe('held');
    expect(store.latestResult(s.id)).toBeUndefined();
  });
});

describe('store full', () => {
  it('refuses with store-full when the database reaches its size, keeps every earlier write, and frees space on delete', () => {
    const path = fresh();
    const store = openTracked(path, { maxSizeBytes: 96 * 1024 });
    const saved: string[] = [];
    let error: unknown;
    for (let i = 0; i < 500 && error === undefined; i++) {
      try {
        saved.push(store.create({ name: `s${i}`, yaml: `name: s${i}\ndescription: ${'x'.repeat(2000)}\n` }).id);
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'store-full' });
    expect((error as Error).message).toContain(path);
    expect(saved.length).toBeGreaterThan(5);
    expect(store.list().length).toBe(saved.length);
    expect(() => store.saveResult(saved[0] as string, JSON.stringify({ big: 'y'.repeat(200_000) }))).toThrow(
      unavailable('store-full'),
    );
    expect(store.latestResult(saved[0] as string)).toBeUndefined();
    expect(store.health()).toEqual({ status: 'ok' });
    for (const id of saved.slice(0, 5)) expect(store.remove(id)).toBe(true);
    expect(store.create({ name: 'after delete', yaml: 'end: 2040' }).name).toBe('after delete');
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(rows(path, 'scenarios')).toBe(saved.length - 5 + 1);
  });
});
