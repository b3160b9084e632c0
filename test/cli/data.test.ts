import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataDir, runCli } from './run-cli.js';

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
    expect(r.stdout.split('\n')[0]).toBe('iso3,year,indicator,value,unit,flag,source,edition');
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

describe('armsrace data import (child process)', () => {
  const fixture = (name: string) => join(import.meta.dirname, '../fixtures/importers', name);

  it('imports a SIPRI workbook into the data directory, then every command sees it', async () => {
    const dir = emptyDataDir();
    const r = await runCli(['--data-dir', dir, 'data', 'import', fixture('sipri-milex-2023-excerpt.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/as sipri-2023 \(sipri-xlsx\) into /);
    expect(r.stdout).toMatch(/series added: \d+; values added: \d+; revised: 0; unchanged: 0/);
    expect(readdirSync(join(dir, 'editions'))).toEqual(['sipri-2023.json']);
    const list = await runCli(['--data-dir', dir, 'data', 'list']);
    expect(list.stdout).toContain('sipri-2023');
    // The embedded data stay the default edition; the imported one is chosen by name.
    const pledge = await runCli([
      '--data-dir',
      dir,
      'pledge',
      '--source',
      'sipri',
      '--edition',
      '2023',
      '--year',
      '2022',
      '--format',
      'json',
    ]);
    expect(pledge.code).toBe(0);
    const report = JSON.parse(pledge.stdout);
    expect(report.source).toBe('sipri-2023');
    expect(report.rows.find((x: { iso3: string }) => x.iso3 === 'POL').burdenPct).toBeCloseTo(2.38851188830618, 12);
    const again = await runCli(['--data-dir', dir, 'data', 'import', fixture('sipri-milex-2023-excerpt.xlsx')]);
    expect(again.stdout).toMatch(/series added: 0; values added: 0; revised: 0; unchanged: [1-9]\d*/);
  });

  it('rejects a damaged file with exit 2 and leaves the data directory untouched', async () => {
    const dir = emptyDataDir();
    await runCli(['--data-dir', dir, 'data', 'import', fixture('API_NY.GDP.MKTP.CD_excerpt.csv')]);
    const before = snapshot(dir);
    const bad = join(emptyDataDir(), 'broken.xlsx');
    writeFileSync(bad, readFileSync(fixture('sipri-milex-2025-excerpt.xlsx')).subarray(0, 5000));
    const r = await runCli(['--data-dir', dir, 'data', 'import', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.xlsx');
    expect(snapshot(dir)).toEqual(before);
  });

  it('rejects a missing file with exit 2', async () => {
    const r = await runCli(['data', 'import', '/nonexistent/file.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent/file.xlsx');
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'base64');
    }
  };
  walk(dir);
  return out;
}
