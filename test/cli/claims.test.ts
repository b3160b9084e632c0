import { describe, expect, it } from 'vitest';
import type { FittedDefaults } from '../../src/core/data/fitted.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runCli } from './run-cli.js';

describe('armsrace claims (child process)', () => {
  it('prints all seven claims with their strength and numbers', async () => {
    const r = await runCli(['claims']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (let id = 1; id <= 7; id++) expect(r.stdout).toContain(`Claim ${id}: `);
    expect(r.stdout).toMatch(/Evidence: (STRONG|MODERATE|WEAK|CONTESTED), claim /);
    expect(r.stdout).toContain('17 of 31 in 2024');
  }, 60_000);

  it('prints one claim and its JSON, with the interval of data/fitted.json', async () => {
    const text = await runCli(['claims', '6']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Claim 6: ');
    expect(text.stdout).not.toContain('Claim 5: ');
    const fit = (loadDataset().data.fitted as FittedDefaults).parameters.elasticity_RUS;
    expect(text.stdout).toContain(`[${fit.lower.toFixed(2)}, ${fit.upper.toFixed(2)}]`);
    const json = JSON.parse((await runCli(['claims', '6', '--format', 'json'])).stdout);
    expect(json.id).toBe(6);
    // Strong only where the interval from Russia's own residuals excludes 1.
    expect(json.strength === 'strong').toBe(fit.lower > 1 || fit.upper < 1);
    expect(json.numbers.find((n: { label: string }) => n.label === 'ε_RUS, lower end of the 95 % interval').value).toBe(
      fit.lower,
    );
  });

  it.each([
    [['claims', '8'], /claim: "8" is not a claim; use a number from 1 to 7/],
    [['claims', 'two'], /claim: "two" is not a claim; use a number from 1 to 7/],
    [['claims', '--format', 'xml'], /Allowed choices are text, json/],
  ])('exits 2 on bad input %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('shows examples in --help', async () => {
    const r = await runCli(['claims', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('armsrace claims 6');
  });
});
