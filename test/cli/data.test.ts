import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('armsrace data (child process)', () => {
  it('lists the embedded sources and allies', async () => {
    const r = await runCli(['data', 'list']);
    expect(r.code).toBe(0);
    for (const id of [
      'nato-2025',
      'nato-2025-press',
      'nato-2024',
      'sipri-2025',
      'imf-weo-2025-10',
      'wdi-2026-02',
      'fas-2023',
    ]) {
      expect(r.stdout).toContain(id);
    }
    expect(r.stdout).toContain('NATO allies (32)');
    const json = JSON.parse((await runCli(['data', 'list', '--format', 'json'])).stdout);
    expect(json.sources.find((s: { id: string }) => s.id === 'sipri-2025').series).toBeGreaterThan(100);
  });

  it("shows Russia's series with the USSR break and the sources", async () => {
    const r = await runCli(['data', 'show', 'rus', '--from', '2020', '--to', '2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Russia (RUS), capital Moscow');
    expect(r.stdout).toMatch(/milex_share_gdp\s+pct_GDP\s+sipri-2025/);
    expect(r.stdout).toContain('7.05e'); // SIPRI 2025 release, Russia 2024 (blue: estimate)
    expect(r.stdout).toContain('Break in milex_share_gdp (sipri-2025) at 1992');
    expect(r.stdout).toContain('SIPRI Military Expenditure Database 2025');
  });

  it('shows an ally with its accession date, as CSV too', async () => {
    const r = await runCli(['data', 'show', 'FIN', '--format', 'csv', '--from', '2023', '--to', '2023']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('iso3,year,indicator,value,unit,flag,source');
    expect(r.stdout).toMatch(/FIN,2023,milex_share_gdp,[\d.]+,pct_GDP,\.,nato-2025/);
    const t = await runCli(['data', 'show', 'FIN']);
    expect(t.stdout).toContain('NATO ally since 2023-04-04');
  });

  it('rejects an unknown country and bad years with exit 2', async () => {
    const r = await runCli(['data', 'show', 'XXX']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/iso3: "XXX" has no series in the dataset; known: .*POL/);
    const y = await runCli(['data', 'show', 'POL', '--from', '2024', '--to', '2010']);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/from ≤ to/);
  });
});
