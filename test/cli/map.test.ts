import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('armsrace map (child process)', () => {
  it('prints the allies of 1990 and the Soviet Union, without writing a file', async () => {
    const r = await runCli(['map', '--year', '1990']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NATO and Russia in 1990');
    expect(r.stdout).toContain('16 allies');
    expect(r.stdout).toMatch(/Poland\s+POL\s+Joins later\s+1999/);
    expect(r.stdout).toMatch(/Russia\s+RUS\s+Soviet Union/);
    expect(r.stdout).toContain('Allies with a land border with the Soviet Union: Norway, Türkiye');
    expect(r.stderr).toBe('');
  });

  it('writes the map as SVG and its numbers as CSV', async () => {
    const out = mkdtempSync(join(tmpdir(), 'armsrace-map-'));
    const r = await runCli(['map', '--year', '2024', '--mode', 'burden', '--out', out, '--chart', 'svg']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['map-2024-burden.csv', 'map-2024-burden.svg']);
    const svg = readFileSync(join(out, 'map-2024-burden.svg'), 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('data-chart="alliance-map"');
    expect(svg).toContain("NATO allies' military burden in 2024");
    expect(svg).toContain('Natural Earth');
    expect(svg.match(/class="map-country map-[\w-]+ map-ally"/g)?.length).toBeGreaterThanOrEqual(3);
    const rows = parse(readFileSync(join(out, 'map-2024-burden.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.filter((x) => x.ally === 'true')).toHaveLength(32);
    expect(rows.find((x) => x.iso3 === 'RUS')?.category).toBe('russia');
    expect(rows.find((x) => x.iso3 === 'POL')?.source).toMatch(/^sipri-/);
    // Burdens in percent to the CSVs' stated precision (4 decimals): no float noise.
    for (const x of rows.filter((row) => row.burden_pct_gdp !== ''))
      expect(x.burden_pct_gdp).toMatch(/^\d+(\.\d{1,4})?$/);
  });

  it('writes a PNG of a simulated year from a scenario', async () => {
    const out = mkdtempSync(join(tmpdir(), 'armsrace-map-'));
    const r = await runCli([
      'map',
      '--year',
      '2040',
      '--scenario',
      'ukraine-joins-2035',
      '--detail',
      '110m',
      '--out',
      out,
      '--chart',
      'png',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(simulated, scenario Ukraine joins NATO in 2035): 33 allies');
    const png = readFileSync(join(out, 'map-2040-membership.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the map's 960 px, as the page saves a PNG.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  });

  for (const [args, flag, accepted] of [
    [['--year', 'nineteen'], '--year: "nineteen"', 'four digits from 1949'],
    [['--year', '1948'], '--year: 1948', 'from 1949 to'],
    [['--year', '2040'], '--year: 2040', 'needs --scenario'],
    [['--mode', 'colour'], "'colour' is invalid", 'membership, burden'],
    [['--chart', 'pdf', '--out', 'x'], "'pdf' is invalid", 'svg, png'],
    [['--chart', 'png'], '--chart png', 'add --out DIR'],
    [['--scenario', 'no-such.yaml'], '--scenario: "no-such.yaml"', 'presets:'],
    [['--scenario', 'richardson-classic'], '--scenario: "richardson-classic"', 'alliance-demand model'],
  ] as const) {
    it(`exits 2 for ${args.join(' ')}, naming the flag, the value and what is accepted`, async () => {
      const r = await runCli(['map', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(r.stderr).toContain(accepted);
      expect(r.stdout).toBe('');
    });
  }

  it('shows examples in --help', async () => {
    const r = await runCli(['map', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('armsrace map --year 2024 --mode burden --out maps --chart png');
  });
});
