import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { PRESET_SCENARIOS } from '../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';
import { simulate } from '../../src/core/simulate.js';
import { runCli } from './run-cli.js';

const dataset = loadDataset();
const preset = (id: string) => simulate(PRESET_SCENARIOS.find((p) => p.id === id)?.input as ScenarioInput, dataset);
const grouped = (x: number) => Math.round(x).toLocaleString('en-US');

const tmp = () => mkdtempSync(join(tmpdir(), 'armsrace-run-'));

describe('armsrace run (child process)', () => {
  it('gives the same results with --kernel typescript as in WebAssembly, and says which ran', async () => {
    const wasm = tmp();
    const ts = tmp();
    const a = await runCli(['run', 'ceasefire-2026', '--out', wasm, '--format', 'json']);
    const b = await runCli(['run', 'ceasefire-2026', '--out', ts, '--format', 'json', '--kernel', 'typescript']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toContain('(300 steps, WebAssembly)');
    expect(b.stdout).toContain('(300 steps, TypeScript)');
    // The same summary, but for the kernel's name and the folder written to.
    expect(b.stdout.replace('TypeScript)', 'WebAssembly)').replace(ts, wasm)).toBe(a.stdout);
    const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const [fromWasm, fromTs] = [read(wasm), read(ts)];
    expect(fromTs.solver.kernel).toBe('typescript');
    expect({ ...fromTs, solver: { ...fromTs.solver, kernel: 'wasm' } }).toEqual(fromWasm);
    const bad = await runCli(['run', 'ceasefire-2026', '--kernel', 'c']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'c' is invalid. Allowed choices are auto, wasm, typescript");
  });

  it('prints the summary of a preset', async () => {
    const r = await runCli(['run', 'hague-met']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hague pledge met — 2025–2049, alliance-demand model, rk4 (300 steps, WebAssembly)');
    // The row of 2035 holds the run's own numbers: Russia's and NATO's burden, the allies' counts.
    const run = preset('hague-met');
    const k = run.years.indexOf(2035);
    const rus = 100 * (run.actors.find((a) => a.iso3 === 'RUS')?.burden[k] as number);
    const nato = 100 * (run.blocs.find((b) => b.id === 'NATO')?.burden[k] as number);
    const row = new RegExp(
      `^2035\\s+${rus.toFixed(2)}\\s+${nato.toFixed(2)}\\s+[\\d.]+\\s+${run.indicators.alliesAt2[k]}/${run.indicators.allies[k]}\\s+${run.indicators.alliesAt35[k]}\\s`,
      'm',
    );
    expect(r.stdout).toMatch(row);
    // Each year's margin with the mode that drives it; a positive margin is not called a race by itself.
    expect(r.stdout).toMatch(
      /Stability margin .* and the mode that drives it:\n {2}2025 [+-]0\.\d{4}\/yr: .+\n {2}2035 [+-]0\.\d{4}\/yr: .+\n {2}2049 [+-]0\.\d{4}\/yr: .+/,
    );
    expect(r.stdout).not.toContain('runaway');
    for (const line of r.stdout.split('\n').filter((l) => /^ {2}20\d\d [+-]0\.\d{4}\/yr: /.test(l))) {
      expect(line).toMatch(
        /: (stable, perturbations decay|a race between the blocs \(NATO \d+ %, Russian bloc \d+ %.*\)|.+, not a race \(NATO \d+ %, Russian bloc \d+ %.*\))$/,
      );
      expect(/^ {2}20\d\d -/.test(line)).toBe(line.endsWith(': stable, perturbations decay'));
    }
  });

  it('compares with a baseline: the extra cost of the pledge', async () => {
    const r = await runCli(['run', 'hague-met', '--compare', 'status-quo']);
    expect(r.code).toBe(0);
    // The extra cost is the sum over the years of the two runs' difference, as simulate gives them.
    const [hague, status] = [preset('hague-met'), preset('status-quo')];
    const sum = (r: typeof hague, id: string) =>
      (r.blocs.find((b) => b.id === id)?.spending ?? []).reduce((a, x) => a + x, 0) / 1000;
    const nato = sum(hague, 'NATO') - sum(status, 'NATO');
    const rus = sum(hague, 'RUS_BLOC') - sum(status, 'RUS_BLOC');
    expect(nato).toBeGreaterThan(0);
    expect(r.stdout).toContain(
      `Against Status quo, 2 % held (2025–2049):\n  cumulative spending, NATO: +${grouped(nato)} bn; Russia and Belarus: ${grouped(rus)} bn`,
    );
  });

  it('refuses a baseline over other years, exit 2 naming --compare', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'short.yaml'), 'end: 2040\n');
    const r = await runCli(['run', 'hague-met', '--compare', join(dir, 'short.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--compare:');
    expect(r.stderr).toContain('runs 2025–2039, hague-met 2025–2049; compare scenarios over the same years');
  });

  it('writes results as CSV and charts as SVG into --out', async () => {
    const out = join(tmp(), 'results');
    const r = await runCli(['run', 'ceasefire-2026', '--out', out, '--chart', 'svg']);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain('results.csv');
    expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(5);
    const rows = parse(readFileSync(join(out, 'results.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rus2030 = rows.find((x) => x.entity === 'RUS' && x.variable === 'burden' && x.year === '2030');
    // Burdens in percent of GDP, as the page shows them, to 4 decimals; money to 1; counts whole.
    expect(rus2030?.unit).toBe('pct_GDP');
    expect(rus2030?.value).toMatch(/^\d+(\.\d{1,4})?$/);
    expect(Number(rus2030?.value)).toBeGreaterThan(2);
    for (const x of rows.filter((row) => row.unit === 'USD_m_const2015')) expect(x.value).toMatch(/^-?\d+(\.\d)?$/);
    for (const x of rows.filter((row) => row.unit === 'allies')) expect(x.value).toMatch(/^\d+$/);
    expect(rows.some((x) => x.entity === 'NATO' && x.variable === 'spending')).toBe(true);
    expect(readFileSync(join(out, files.find((f) => f.endsWith('.svg')) as string), 'utf8')).toMatch(/^<svg|^<\?xml/);
  });

  it('writes JSON and PNG charts', async () => {
    const out = tmp();
    const r = await runCli(['run', 'status-quo', '--out', out, '--format', 'json', '--chart', 'png']);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json.model).toBe('demand');
    expect(json.years[0]).toBe(2025);
    const png = readdirSync(out).find((f) => f.endsWith('.png')) as string;
    expect(readFileSync(join(out, png)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('runs a classic Richardson scenario and reports its equilibrium and stability', async () => {
    const r = await runCli(['run', 'richardson-classic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Equilibrium x* = −(R − A)⁻¹g: Blue 44.286, Red 38.571');
    expect(r.stdout).toContain('→ stable');
  });

  it('rejects a bad scenario with exit 2, names the file and writes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'end: 2020\nresponse: { RUS: { speed: -0.2 } }\n');
    const out = join(dir, 'out');
    const r = await runCli(['run', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}: scenario.response.RUS.speed: -0.2 is negative; use a rate in 1/years, e.g. 0.5`,
    );
    expect(existsSync(out)).toBe(false);
    const missing = await runCli(['run', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/is neither a readable file nor a preset; presets: /);
  });

  it('lists the presets', async () => {
    const r = await runCli(['presets']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hague-met\s+Every ally reaches 3\.5 % of GDP by 2035/);
  });

  it('prints the backcast table', async () => {
    const r = await runCli(['backcast', '--countries', 'RUS,POL']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2024\s+7\.05\s+\d+\.\d\d\s+4\.15/m);
    expect((await runCli(['backcast', '--from', '1800'])).code).toBe(2);
  });
});
