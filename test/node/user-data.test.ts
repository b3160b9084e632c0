import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { DataFileError } from '../../src/core/errors.js';
import { readPublishedFile } from '../../src/node/import/index.js';
import { defaultDataDir, importIntoDataDir, loadUserDataset } from '../../src/node/user-data.js';
import { NATO_2024, SIPRI_2025, SIPRI_2026_CSV, SIPRI_WEB, tempDir, WB_MILEX } from './import/helpers.js';

const embedded = loadDataset();

/** Every file under `dir` with its bytes, for byte-for-byte comparison. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out[`${relative(dir, p)}/`] = '';
        walk(p);
      } else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** Number of values with a figure in the series. */
const count = (values: readonly (number | null)[]) => values.filter((v) => v !== null).length;

describe('defaultDataDir', () => {
  it('prefers ARMSRACE_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultDataDir({ ARMSRACE_DATA_DIR: '/srv/a', XDG_DATA_HOME: '/x' })).toBe('/srv/a');
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/armsrace');
    expect(defaultDataDir({ ARMSRACE_DATA_DIR: '', XDG_DATA_HOME: 'relative' })).toBe(
      join(homedir(), '.local', 'share', 'armsrace'),
    );
    expect(defaultDataDir({})).toBe(join(homedir(), '.local', 'share', 'armsrace'));
  });
});

describe('importIntoDataDir', () => {
  const root = tempDir();

  it('compares with the embedded edition, then reports a second import as all unchanged', async () => {
    const dir = join(root, 'twice');
    const first = await importIntoDataDir(SIPRI_2025, dir, embedded);
    expect(first).toMatchObject({ file: SIPRI_2025, format: 'sipri-xlsx', sourceId: 'sipri-2025' });
    // The embedded sipri-2025 holds POL, RUS, UKR, SUN (rounded to 6 decimals): those are unchanged, not revised.
    expect(first.valuesRevised).toEqual([]);
    expect(first.valuesUnchanged).toBeGreaterThan(0);
    const edition = JSON.parse(readFileSync(join(dir, 'editions', 'sipri-2025.json'), 'utf8'));
    expect(edition.version).toBe(1);
    expect(edition.sources[0].id).toBe('sipri-2025');
    expect(edition.series.length).toBe(embedded.list({ source: 'sipri-2025' }).length + first.seriesAdded);

    const second = await importIntoDataDir(SIPRI_2025, dir, embedded);
    expect(second.seriesAdded).toBe(0);
    expect(second.valuesAdded).toBe(0);
    expect(second.valuesRevised).toEqual([]);
    const total = (await readPublishedFile(SIPRI_2025)).series.map((s) => count(s.values)).reduce((a, b) => a + b, 0);
    expect(second.valuesUnchanged).toBe(total);
    expect(first.valuesAdded + first.valuesUnchanged).toBe(total);

    const log = JSON.parse(readFileSync(join(dir, 'imports.log.json'), 'utf8'));
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ format: 'sipri-xlsx', sourceId: 'sipri-2025', valuesAdded: 0, valuesRevised: 0 });
    expect(log[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, 'editions'))).toEqual(['sipri-2025.json']);
  });

  it('reports a changed value as revised', async () => {
    const dir = join(root, 'revised');
    const first = await importIntoDataDir(WB_MILEX, dir, embedded);
    expect(first.sourceId).toBe('wdi-2026-02');
    expect(first.seriesAdded).toBe(5);
    expect(first.valuesUnchanged).toBe(0);
    const changed = join(root, 'API_MS.MIL.XPND.GD.ZS_revised.csv');
    writeFileSync(changed, readFileSync(WB_MILEX, 'utf8').replace('"1.90822735552002"', '"1.95"'));
    const second = await importIntoDataDir(changed, dir, embedded);
    expect(second.valuesRevised).toEqual([
      { iso3: 'POL', indicator: 'milex_share_gdp', year: 2014, old: 1.90822735552002, new: 1.95 },
    ]);
    expect(second.valuesAdded).toBe(0);
    expect(second.valuesUnchanged).toBe(first.valuesAdded - 1);
    // The embedded constant-price GDP of the same edition is kept in the merged edition.
    const edition = JSON.parse(readFileSync(join(dir, 'editions', 'wdi-2026-02.json'), 'utf8'));
    const indicators = new Set(edition.series.map((s: { indicator: string }) => s.indicator));
    expect(indicators).toEqual(new Set(['gdp_usd_constant', 'milex_share_gdp']));
  });

  it('leaves the directory byte-identical when the file cannot be read', async () => {
    const dir = join(root, 'failed');
    await importIntoDataDir(NATO_2024, dir, embedded);
    const before = snapshot(dir);
    const bad = join(root, 'bad.csv');
    writeFileSync(bad, readFileSync(WB_MILEX, 'utf8').replace('"4.15439387975356"', '"n/a"'));
    const e = await importIntoDataDir(bad, dir, embedded).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).message).toMatch(/^bad\.csv:R\d+:C\d+: "n\/a" is not a number/);
    expect(snapshot(dir)).toEqual(before);

    const fresh = join(root, 'never-created');
    await expect(importIntoDataDir(join(root, 'missing.xlsx'), fresh, embedded)).rejects.toThrow();
    expect(existsSync(fresh)).toBe(false);
  });

  it("imports SIPRI's sheet saved as CSV, then refuses a truncated one and loses nothing", async () => {
    const dir = join(root, 'sipri-csv');
    const report = await importIntoDataDir(SIPRI_2026_CSV, dir, embedded);
    expect(report).toMatchObject({ sourceId: 'sipri-2026', format: 'sipri-csv', seriesAdded: 6 });
    expect(report.warnings[0]).toMatch(/lost SIPRI's colour flags/);
    const before = snapshot(dir);
    const cut = join(root, 'cut.csv');
    const text = readFileSync(SIPRI_2026_CSV, 'utf8');
    writeFileSync(cut, text.slice(0, text.indexOf('Russia') + 100));
    const e = await importIntoDataDir(cut, dir, embedded).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).message).toMatch(/^cut\.csv:R\d+: row has \d+ of the header's 80 columns/);
    expect(snapshot(dir)).toEqual(before);
    // The imported constant dollars sit beside the embedded 2026 shares of GDP, which the model reads.
    const user = loadUserDataset(dir, embedded);
    expect(user.editions('sipri-')[0]?.id).toBe('sipri-2026');
    expect(user.latestEdition('sipri-', 'milex_share_gdp')).toBe('sipri-2026');
    expect(user.observation('RUS', 'milex_share_gdp', 'sipri-2026', 2025)?.value).toBe(7.5);
    expect(user.latestEdition('sipri-', 'milex_usd_constant')).toBe('sipri-2026');
  });

  it('rejects a damaged edition already in the directory and writes nothing', async () => {
    const dir = join(root, 'damaged-edition');
    mkdirSync(join(dir, 'editions'), { recursive: true });
    writeFileSync(join(dir, 'editions', 'nato-2024.json'), '{"version":1,');
    const before = snapshot(dir);
    const e = await importIntoDataDir(NATO_2024, dir, embedded).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).code).toBe('bad-edition');
    expect((e as DataFileError).message).toContain(join(dir, 'editions', 'nato-2024.json'));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('loadUserDataset', () => {
  const root = tempDir();

  it('gives the embedded data for a directory without editions', () => {
    expect(loadUserDataset(join(root, 'nothing'), embedded)).toBe(embedded);
  });

  it('replaces embedded series of the same source and adds new sources', async () => {
    const dir = join(root, 'user');
    await importIntoDataDir(NATO_2024, dir, embedded);
    await importIntoDataDir(SIPRI_WEB, dir, embedded);
    const d = loadUserDataset(dir, embedded);

    // nato-2024: the user's series replaces the embedded one, series of other allies stay.
    expect(d.observation('POL', 'milex_share_gdp', 'nato-2024', 2014)).toEqual({
      year: 2014,
      value: 1.8752685360706713,
      flag: '.',
    });
    expect(embedded.observation('POL', 'milex_share_gdp', 'nato-2024', 2014)?.value).not.toBe(1.8752685360706713);
    expect(d.series('DEU', 'milex_share_gdp', 'nato-2024')).toEqual(
      embedded.series('DEU', 'milex_share_gdp', 'nato-2024'),
    );
    expect(d.list({ source: 'nato-2024' }).length).toBe(embedded.list({ source: 'nato-2024' }).length);

    // sipri-2026: the user's release replaces the embedded 2025 shares series by series and adds the
    // rest; the embedded sipri-2025 stays.
    expect(d.source('sipri-2026')?.citation).toBe(
      'SIPRI Military Expenditure Database 2026, https://www.sipri.org/databases/milex',
    );
    expect(d.editions('sipri-').map((s) => s.id)).toEqual(['sipri-2026', 'sipri-2025']);
    expect(d.observation('RUS', 'milex_share_gdp', 'sipri-2026', 2024)?.flag).toBe('e');
    expect(d.list({ source: 'sipri-2025' })).toEqual(embedded.list({ source: 'sipri-2025' }));
    // Russia's share series is the release's own now, not the embedded extension of the 2025 release.
    expect(d.series('RUS', 'milex_share_gdp', 'sipri-2026')?.editions).toBeUndefined();
    expect(embedded.series('RUS', 'milex_share_gdp', 'sipri-2026')?.editions).toBeDefined();
    const key = (x: { iso3: string; indicator: string }) => `${x.iso3}|${x.indicator}`;
    const before = new Set(embedded.list({ source: 'sipri-2026' }).map(key));
    const added = d.list({ source: 'sipri-2026' }).filter((x) => !before.has(key(x)));
    expect(d.data.series.length).toBe(embedded.data.series.length + added.length);
  });

  it('rejects a corrupt edition file, naming it', () => {
    const dir = join(root, 'corrupt');
    mkdirSync(join(dir, 'editions'), { recursive: true });
    const f = join(dir, 'editions', 'sipri-2030.json');
    writeFileSync(f, '{ "version": 1, "sources": [');
    expect(() => loadUserDataset(dir, embedded)).toThrow(DataFileError);
    try {
      loadUserDataset(dir, embedded);
    } catch (e) {
      expect((e as DataFileError).code).toBe('bad-edition');
      expect((e as DataFileError).path).toBe(f);
      expect((e as DataFileError).message).toMatch(/sipri-2030\.json: it is not valid JSON/);
    }
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        sources: [{ id: 'sipri-2030', publisher: 'SIPRI', title: 't', edition: '2030', released: 2030, citation: 'c' }],
        series: [
          {
            iso3: 'POL',
            indicator: 'milex_share_gdp',
            unit: 'pct_GDP',
            source: 'sipri-2030',
            firstYear: 2020,
            values: [1, 2],
            flags: '.',
          },
        ],
      }),
    );
    expect(() => loadUserDataset(dir, embedded)).toThrow(/sipri-2030\.json: series\[0\]\.flags is not one of/);
  });
});
