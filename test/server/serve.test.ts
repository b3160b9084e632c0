import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/serve.js';

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
