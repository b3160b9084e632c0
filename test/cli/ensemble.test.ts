import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scenario = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'armsrace-ens-')), 'scenario.yaml');
  writeFileSync(file, text);
  return file;
};

const SMALL = `name: Small ensemble
end: 2030
ensemble:
  uncertain:
    response: { bootstrap: fitted }
    war.RUS.until: { uniform: [2026, 2029] }
`;

// Russia's elasticity moves Russia's burden; the allies' compliance cannot.
const TWO_FACTORS = `end: 2031
ensemble:
  uncertain:
    response.RUS.elasticity: { uniform: [0.5, 5] }
    compliance.default: { uniform: [0.3, 1] }
`;

describe('armsrace ensemble and sensitivity (child process)', () => {
  it('runs an ensemble and prints quantiles and event probabilities', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'armsrace-ens-')), 'out');
    const r = await runCli([
      'ensemble',
      scenario(SMALL),
      '--runs',
      '128',
      '--seed',
      '3',
      '--workers',
      '2',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Small ensemble — ensemble of 128 members, seed 3; varying: response, war.RUS.until, GDP shocks',
    );
    expect(r.stdout).toMatch(/^2029\s+[\d.]+ \[[\d.]+–[\d.]+\]/m);
    expect(r.stdout).toMatch(/Russia's burden above 10 % in any year: [\d.]+ % ± [\d.]+ \(\d+ of 128\)/);
    expect(r.stderr).toBe(''); // no progress bar when not on a terminal
    expect(readdirSync(out)).toEqual(['ensemble.csv']);
    const rows = parse(readFileSync(join(out, 'ensemble.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // Burdens in percent of GDP to 4 decimals; counts of allies whole numbers (their means 2 decimals).
    const q50 = rows.find((x) => x.series === 'RUS.burden' && x.year === '2029' && x.statistic === 'q50');
    expect(q50?.unit).toBe('pct_GDP');
    expect(q50?.value).toMatch(/^\d+\.\d{1,4}$/);
    expect(Number(q50?.value)).toBeGreaterThan(2);
    for (const x of rows.filter((row) => row.series === 'allies_at_2' && row.statistic !== 'mean'))
      expect(x.value).toMatch(/^\d+$/);
  }, 120_000);

  it.each([
    [['--runs', '0'], /--runs: "0" is not accepted; use a whole number from 1 to 200,000/],
    [['--runs', '300000'], /--runs: "300000" is not accepted/],
    [['--workers', 'many'], /--workers: "many" is not accepted/],
  ])('rejects %j with exit 2', async (flags, message) => {
    const r = await runCli(['ensemble', scenario(SMALL), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('rejects a bad uncertain parameter naming the file and the path', async () => {
    const file = scenario('ensemble: { uncertain: { response.RUS.mood: { normal: [1, 0.2] } } }');
    const r = await runCli(['ensemble', file, '--runs', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}: scenario.ensemble.uncertain["response.RUS.mood"]: "mood" is not a response parameter`,
    );
    const sd = await runCli([
      'ensemble',
      scenario('ensemble: { uncertain: { compliance.default: { normal: [0.8, -0.1] } } }'),
      '--runs',
      '10',
    ]);
    expect(sd.code).toBe(2);
    expect(sd.stderr).toMatch(/-0.1 is negative; a standard deviation must be ≥ 0/);
    const dist = await runCli([
      'ensemble',
      scenario('ensemble: { uncertain: { compliance.default: { cauchy: [0.8, 0.1] } } }'),
      '--runs',
      '10',
    ]);
    expect(dist.code).toBe(2);
    expect(dist.stderr).toMatch(/is not a known distribution/);
  });

  it("ranks a scenario's uncertain parameters by Sobol' indices and by Morris screening", async () => {
    const file = scenario(TWO_FACTORS);
    const sobol = await runCli(['sensitivity', file, '--samples', '32', '--year', '2030']);
    expect(sobol.code).toBe(0);
    expect(sobol.stdout).toContain("Sensitivity of RUS.burden in 2030 — Sobol' indices, N = 32, 128 model runs");
    expect(sobol.stdout.indexOf('response.RUS.elasticity')).toBeLessThan(sobol.stdout.indexOf('compliance.default'));
    const morris = await runCli([
      'sensitivity',
      file,
      '--method',
      'morris',
      '--samples',
      '6',
      '--output',
      'NATO.burden',
    ]);
    expect(morris.code).toBe(0);
    expect(morris.stdout).toMatch(/Morris screening, 6 trajectories, 18 model runs/);
  }, 120_000);

  it('writes the ranked indices as CSV and the bar chart of the indices into --out', async () => {
    const file = scenario(TWO_FACTORS);
    const out = join(mkdtempSync(join(tmpdir(), 'armsrace-ens-')), 'out');
    const r = await runCli(['sensitivity', file, '--samples', '16', '--year', '2030', '--out', out, '--chart', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote sensitivity.csv, sensitivity-indices.svg to ${out}`);
    const rows = parse(readFileSync(join(out, 'sensitivity.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((x) => x.parameter)).toEqual(['response.RUS.elasticity', 'compliance.default']);
    expect(rows[0]).toMatchObject({ output: 'RUS.burden', year: '2030', method: 'sobol', confidence: '0.95' });
    expect(Number(rows[0]?.total_low)).toBeLessThanOrEqual(Number(rows[0]?.total));
    const svg = readFileSync(join(out, 'sensitivity-indices.svg'), 'utf8');
    expect(svg).toContain("What drives Russia's military burden in 2030");
  }, 120_000);

  it.each([
    ['run', ['hague-met']],
    ['ensemble', ['hague-met', '--runs', '10']],
    ['sensitivity', ['hague-met']],
  ])('%s rejects --chart without --out, with exit 2, before any work', async (command, args) => {
    const r = await runCli([command, ...args, '--chart', 'png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--chart png: add --out DIR, the folder to write the charts into');
  });

  it('rejects a sensitivity analysis without uncertain parameters or with an unknown output', async () => {
    const none = await runCli(['sensitivity', 'hague-met']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/scenario.ensemble.uncertain: no uncertain parameter/);
    const output = await runCli([
      'sensitivity',
      scenario('ensemble: { uncertain: { compliance.default: { uniform: [0, 1] } } }'),
      '--output',
      'GDP',
      '--samples',
      '4',
    ]);
    expect(output.code).toBe(2);
    expect(output.stderr).toMatch(/output: "GDP" is not a tracked series/);
  });
});
