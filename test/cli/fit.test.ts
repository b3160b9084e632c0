import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const csv = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'armsrace-fit-')), 'series.csv');
  writeFileSync(file, text);
  return file;
};

// Two series following x' = x + 0.1y − 0.3x + 5, y' = y + 0.15x − 0.35y + 3 with small wobbles.
const rows = ['year,A,B'];
let [a, b] = [100, 60];
for (let t = 0; t < 25; t++) {
  rows.push(`${1990 + t},${a.toFixed(6)},${b.toFixed(6)}`);
  const wobble = Math.sin(t * 1.7);
  [a, b] = [a + 0.1 * b - 0.3 * a + 5 + wobble, b + 0.15 * a - 0.35 * b + 3 - wobble];
}
const GOOD = `${rows.join('\n')}\n`;

describe('armsrace fit and granger (child process)', () => {
  it('fits Richardson to NATO and Russia and prints the command that reproduces it', async () => {
    const r = await runCli(['fit', '--from', '1993', '--to', '2021']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Richardson model by OLS on annual differences, 1993–2021');
    expect(r.stdout).toMatch(/ΔNATO {2}\(n 28, R² [\d.]+, Durbin–Watson [\d.]+\)/);
    expect(r.stdout).toContain('Reproduce: armsrace fit --model richardson --from 1993 --to 2021');
    const sum = await runCli(['fit', '--sum', '--midpoint']);
    expect(sum.stdout).toMatch(
      /Two-bloc sum form Δ\(x\+y\) = c·\(x \+ y − e\), NATO \+ RUS, 1993–2024, mid-year levels/,
    );
  });

  it('fits the demand panel with bootstrap intervals', async () => {
    const r = await runCli(['fit', '--model', 'demand', '--draws', '49', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.command).toBe('armsrace fit --model demand --draws 49 --seed 1');
    expect(json.specification).toBe('russia-only');
    expect(json.russia.elasticity.lower).toBeLessThan(json.russia.elasticity.upper);
    expect(json.warnings.join(' ')).toMatch(/rest on one country/);
    expect(json.caveats.join(' ')).toMatch(/Nickell/);
  });

  it('fits the demand responses on spans that end before the war, and validates out of sample', async () => {
    const r = await runCli([
      'fit',
      '--model',
      'demand',
      '--to',
      '2012',
      '--draws',
      '19',
      '--specification',
      'exposure',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1995–2012');
    expect(r.stdout).not.toContain('war (from 2022)');
    expect(r.stdout).toMatch(/allies' threat ε per unit of exposure/);
    const v = await runCli([
      'validate',
      '--from',
      '2012',
      '--to',
      '2014',
      '--horizons',
      '3',
      '--intervals',
      '0',
      '--format',
      'json',
    ]);
    expect(v.code).toBe(0);
    const json = JSON.parse(v.stdout);
    expect(json.horizons).toEqual([1, 2, 3]);
    for (const f of ['model', 'random_walk', 'pledge_only', 'trend'])
      for (const g of ['allies', 'russia']) expect(json[f][g].rmse).toHaveLength(3);
    expect(json.random_walk.allies.n[0]).toBeGreaterThan(50);
    const bad = await runCli(['validate', '--from', '2024', '--to', '2025']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/origins: 2025 must be a year from 2005 to 2024/);
  }, 60_000);

  it('tests Granger causality both ways', async () => {
    const r = await runCli(['granger', '--from', '1993', '--to', '2024', '--lags', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NATO does not Granger-cause RUS\s+[\d.]+\s+2, \d+\s+[\d.]+/);
    expect(r.stdout).toMatch(/RUS does not Granger-cause NATO/);
    expect(r.stdout).toContain('Reproduce: armsrace granger --x NATO --y RUS --lags 2 --from 1993 --to 2024');
  });

  it("fits a user's own CSV", async () => {
    const file = csv(GOOD);
    const r = await runCli(['fit', '--input', file, '--countries', 'A,B']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1990–2014');
    const g = await runCli(['granger', '--input', file, '--x', 'A', '--y', 'B', '--lags', '1']);
    expect(g.code).toBe(0);
  });

  it.each([
    [
      'too few years',
      'year,A,B\n2000,1,2\n2001,2,3\n2002,3,5\n',
      /span 2000–2002 has 3 years; this estimator needs at least 8/,
    ],
    ['a gap', GOOD.replace(/\n2000,[^\n]+/, '\n2000,,70'), /A: no value for 2000, inside the span 1990–2014/],
    ['a constant series', GOOD.replace(/(\d{4}),([\d.]+),([\d.]+)/g, '$1,$2,7'), /B: constant at 7 over 1990–2014/],
    [
      'a value that is not a number',
      GOOD.replace(/\n1995,([\d.]+),/, '\n1995,n/a,'),
      /row 7, column A: "n\/a" is not a number/,
    ],
    ['no year column', 'when,A,B\n1,2,3\n', /row 1 has no "year" column/],
  ])('rejects a CSV with %s (exit 2)', async (_, text, message) => {
    const r = await runCli(['fit', '--input', csv(text), '--countries', 'A,B']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('rejects an unknown column, an unknown series and bad lags (exit 2)', async () => {
    const unknownColumn = await runCli(['fit', '--input', csv(GOOD), '--countries', 'A,Z']);
    expect(unknownColumn.code).toBe(2);
    expect(unknownColumn.stderr).toMatch(/no column "Z"; columns: A, B/);
    const unknownSeries = await runCli(['granger', '--x', 'MARS']);
    expect(unknownSeries.code).toBe(2);
    expect(unknownSeries.stderr).toMatch(/series "MARS" is neither a bloc/);
    const lags = await runCli(['granger', '--lags', 'zero']);
    expect(lags.code).toBe(2);
    expect(lags.stderr).toMatch(/--lags: "zero" must be auto or a whole number/);
  });
});
