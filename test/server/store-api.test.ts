import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { openStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/serve.js';
import { startChildServer } from './child-server.js';

// What the API answers when its database is damaged, full, locked or shared by two servers.

const dataset = loadDataset();
const fresh = () => mkdtempSync(join(tmpdir(), 'armsrace-store-api-'));
const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('a damaged database', () => {
  it('starts, reports it on health, answers 503 store-damaged saying how to recover, and never writes to it', async () => {
    const dataDir = fresh();
    const dbPath = join(dataDir, 'armsrace.db');
    const store = openStore(dbPath);
    for (let i = 0; i < 300; i++) {
      store.create({ name: `scenario ${i}`, yaml: `name: scenario ${i}\ndescription: ${'lorem ipsum '.repeat(40)}\n` });
    }
    store.close();
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = readFileSync(dbPath);

    const logged: string[] = [];
    const server = await startServer({ port: 0, dataDir, log: (m) => logged.push(m) });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      const report = (await health.json()) as Record<string, unknown>;
      expect(report).toMatchObject({ status: 'store-damaged', code: 'store-damaged', version: expect.any(String) });
      expect(String(report.message)).toContain(dbPath);
      expect(String(report.message)).toMatch(/move it aside/);

      for (const [path, init] of [
        ['/api/scenarios', undefined],
        ['/api/scenarios', json({ name: 'new', yaml: 'end: 2040' })],
        ['/api/scenarios/some-id', undefined],
        ['/api/scenarios/some-id', json({ name: 'x' }, 'PUT')],
        ['/api/scenarios/some-id', { method: 'DELETE' }],
        ['/api/scenarios/some-id/results', undefined],
      ] as const) {
        const answer = await fetch(`${server.url}${path}`, init);
        expect({ path, status: answer.status }).toEqual({ path, status: 503 });
        const body = (await answer.json()) as { code: string; message: string };
        expect(body.code).toBe('store-damaged');
        expect(body.message).toContain(dbPath);
      }
      // What does not need the store still works.
      expect((await fetch(`${server.url}/api/pledges?year=2014`)).status).toBe(200);
      expect(logged.filter((m) => /SQLITE|internal/.test(m))).toEqual([]);
    } finally {
      await server.close();
    }
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});

describe('a full database', () => {
  it('answers 507 store-full with a message, and writes nothing half', async () => {
    const dbPath = join(fresh(), 'armsrace.db');
    const store = openStore(dbPath, { maxSizeBytes: 96 * 1024 });
    const app = createApp({ dataset, store });
    try {
      let created = 0;
      let last: Response | undefined;
      for (let i = 0; i < 500; i++) {
        last = await app.request('/api/scenarios', json({ name: `s${i}`, yaml: `description: ${'x'.repeat(2000)}\n` }));
        if (last.status !== 201) break;
        created++;
      }
      expect(last?.status).toBe(507);
      const body = (await last?.json()) as { code: string; message: string };
      expect(body.code).toBe('store-full');
      expect(body.message).toContain(dbPath);
      expect(body.message).toMatch(/delete|free/);
      const list = (await (await app.request('/api/scenarios')).json()) as { scenarios: unknown[] };
      expect(list.scenarios.length).toBe(created);
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
    } finally {
      store.close();
    }
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('a locked database', () => {
  it('answers 503 store-busy when another connection holds the lock past the busy timeout', async () => {
    const dbPath = join(fresh(), 'armsrace.db');
    const store = openStore(dbPath, { busyTimeoutMs: 100 });
    const app = createApp({ dataset, store });
    const other = new Database(dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const answer = await app.request('/api/scenarios', json({ name: 'x', yaml: 'end: 2040' }));
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ code: 'store-busy' });
      other.exec('ROLLBACK');
      expect((await app.request('/api/scenarios', json({ name: 'x', yaml: 'end: 2040' }))).status).toBe(201);
    } finally {
      other.close();
      store.close();
    }
  });
});

describe('two servers on one database', () => {
  it('answers every one of 600 creates sent to both at once with 201', async () => {
    const dataDir = fresh();
    const dbPath = join(dataDir, 'armsrace.db');
    const servers = await Promise.all([startChildServer(dbPath, dataDir), startChildServer(dbPath, dataDir)]);
    try {
      const statuses = new Map<number, number>();
      const send = async (url: string, from: number) => {
        for (let i = from; i < from + 300; i += 10) {
          const batch = await Promise.all(
            Array.from({ length: 10 }, (_, k) =>
              fetch(`${url}/api/scenarios`, json({ name: `n${i + k}`, yaml: `end: ${2030 + ((i + k) % 20)}\n` })),
            ),
          );
          for (const r of batch) {
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            await r.arrayBuffer();
          }
        }
      };
      await Promise.all(servers.map((s, k) => send(s.url, k * 300)));
      expect(Object.fromEntries(statuses)).toEqual({ 201: 600 });
      const list = (await (await fetch(`${servers[0]?.url}/api/scenarios`)).json()) as { scenarios: unknown[] };
      expect(list.scenarios.length).toBe(600);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 60_000);
});
