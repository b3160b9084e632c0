import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { request, startChildServer } from './child-server.js';

// The server over real sockets on 127.0.0.1: connections kept alive, Host checks, headers, flags.

let server: RunningServer;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-socket-'));
  server = await startServer({ port: 0, dataDir, log: () => undefined });
});
afterAll(() => server.close());

describe('a kept-alive connection', () => {
  it('serves the next request after a 413, whether the size was announced or streamed', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const headers of [
        { 'content-type': 'application/json' } as Record<string, string>,
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      ]) {
        for (const size of [300 * 1024, 2 * 1024 * 1024]) {
          const tooBig = await request(`${server.url}/api/runs`, {
            method: 'POST',
            headers,
            body: 'x'.repeat(size),
            agent,
          });
          expect(tooBig.status).toBe(413);
          expect(tooBig.headers.connection).toBe('close');
          const next = await request(`${server.url}/api/health`, { agent });
          expect(next.status).toBe(200);
        }
      }
    } finally {
      agent.destroy();
    }
  });

  it('serves the next request after errors that leave the body unread', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = JSON.stringify({ scenario: { description: 'x'.repeat(100_000) } });
      for (const [path, headers] of [
        ['/api/runs', { 'content-type': 'text/plain' }],
        ['/api/nothing', { 'content-type': 'application/json' }],
        ['/api/health', { 'content-type': 'application/json' }],
        ['/api/runs?x=1', { 'content-type': 'application/json' }],
      ] as const) {
        const first = await request(`${server.url}${path}`, { method: 'POST', headers, body, agent });
        expect(first.status).toBeGreaterThanOrEqual(400);
        const next = await request(`${server.url}/api/health`, { agent });
        expect(next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('the Host header', () => {
  it('answers the loopback names with the port, and 421 bad-host for any other name', async () => {
    const { port } = server;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await request(`${server.url}/api/health`, { headers: { host } })).status).toBe(200);
    }
    for (const host of [`attacker.example:${port}`, 'attacker.example', `localhost:${port + 1}`, `127.0.0.2:${port}`]) {
      const answer = await request(`${server.url}/api/health`, { headers: { host } });
      expect({ host, status: answer.status }).toEqual({ host, status: 421 });
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'bad-host', path: 'host' });
      const page = await request(`${server.url}/`, { headers: { host } });
      expect(page.status).toBe(421);
    }
  });

  it('accepts names given with allowedHosts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-socket-'));
    const named = await startServer({ port: 0, dataDir, allowedHosts: ['armsrace.internal'] });
    try {
      const ok = await request(`${named.url}/api/health`, { headers: { host: `armsrace.internal:${named.port}` } });
      expect(ok.status).toBe(200);
      const other = await request(`${named.url}/api/health`, { headers: { host: `other.internal:${named.port}` } });
      expect(other.status).toBe(421);
    } finally {
      await named.close();
    }
  });
});

describe('headers on the wire', () => {
  it('every answer carries nosniff, a frame ban and a content security policy', async () => {
    for (const path of ['/api/health', '/api/nothing', '/']) {
      const answer = await request(`${server.url}${path}`);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});

describe("the run worker and the parent's Node flags", () => {
  it('runs scenarios in a server started with node --expose-gc --stack-trace-limit=50', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-flags-'));
    const child = await startChildServer(join(dataDir, 'armsrace.db'), dataDir, [
      '--expose-gc',
      '--stack-trace-limit=50',
    ]);
    try {
      const run = await fetch(`${child.url}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: { end: 2030 }, ensemble: { runs: 40, seed: 3 } }),
      });
      expect(run.status, child.stderr()).toBe(200);
      const body = (await run.json()) as { result: { years: number[] }; ensemble: { runs: number } };
      expect(body.result.years.at(-1)).toBe(2029);
      expect(body.ensemble.runs).toBe(40);
    } finally {
      await child.stop();
    }
  }, 60_000);
});
