import { existsSync, mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverHostNames, startServer } from '../../src/server/serve.js';

describe('startServer', () => {
  it('serves the API on a free port and closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-serve-'));
    const server = await startServer({ port: 0, dataDir });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).toBeGreaterThan(0);
      expect(server.dbPath).toBe(join(dataDir, 'armsrace.db'));
      expect(existsSync(server.dbPath)).toBe(true);

      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('content-type')).toMatch(/application\/json/);
      expect(await health.json()).toMatchObject({ status: 'ok' });

      const pledges = await fetch(`${server.url}/api/pledges?year=2014`);
      expect(pledges.status).toBe(200);
      const report = (await pledges.json()) as { year: number; counts: { meets: number } };
      expect(report.year).toBe(2014);
      expect(report.counts.meets).toBe(3);

      const tooBig = await fetch(`${server.url}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(300 * 1024),
      });
      expect(tooBig.status).toBe(413);
      expect(await tooBig.json()).toMatchObject({ code: 'body-too-large' });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('refuses a port out of range', async () => {
    await expect(startServer({ port: 70_000 })).rejects.toThrow(/port: 70000/);
  });
});

describe('serverHostNames', () => {
  it('names the loopback addresses and the bound host, each with the port', () => {
    expect(serverHostNames('127.0.0.1', 8080)).toEqual(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']);
    expect(serverHostNames('::1', 3000)).toEqual(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000']);
    expect(serverHostNames('192.168.1.5', 8080)).toContain('192.168.1.5:8080');
  });

  it('adds the bare names on port 80, and the names given with or without a port', () => {
    expect(serverHostNames('127.0.0.1', 80)).toEqual(expect.arrayContaining(['localhost', 'localhost:80']));
    const names = serverHostNames('127.0.0.1', 8080, ['Armsrace.Example.org', 'proxy.internal:443', '::1']);
    expect(names).toEqual(expect.arrayContaining(['armsrace.example.org:8080', 'proxy.internal:443', '[::1]:8080']));
  });

  it("adds the machine's name and addresses when bound to every interface", () => {
    const names = serverHostNames('0.0.0.0', 8080);
    expect(names).toContain(`${hostname().toLowerCase()}:8080`);
    expect(names).not.toContain('0.0.0.0:8080');
  });
});
