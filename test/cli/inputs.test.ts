import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scenarioFile = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'armsrace-inputs-')), 'scenario.yaml');
  writeFileSync(file, text);
  return file;
};

// A bad value exits 2 with one line naming the field, the value and what is accepted: no stack trace.
describe('bad input exits 2 naming the field, the value and what is accepted', () => {
  it.each([
    ['run', []],
    ['ensemble', ['--runs', '8']],
    ['sensitivity', ['--samples', '4']],
  ])('%s refuses a scenario that starts in 1900', async (command, flags) => {
    const file = scenarioFile('start: 1900\n');
    const r = await runCli([command, file, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario\.start: 1900 is before the data of this scenario's actors/);
    expect(r.stderr).toMatch(/use start: \d{4} or later/);
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
  });

  it('backcast refuses a country it does not simulate, naming --countries and the codes it accepts', async () => {
    const r = await runCli(['backcast', '--countries', 'XYZ']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--countries: "XYZ" is not simulated from 2014; use ISO3 codes of the run's actors/);
    expect(r.stderr).toMatch(/: ALB, BEL, .*POL, .*RUS, .*USA/);
    const some = await runCli(['backcast', '--countries', 'RUS,XYZ']);
    expect(some.code).toBe(2);
    expect(some.stderr).toContain('"XYZ" is not simulated');
    const none = await runCli(['backcast', '--countries', ',']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--countries: names no country');
  });

  it('backcast refuses an output format it does not write', async () => {
    const r = await runCli(['backcast', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format <format>' argument 'xml' is invalid. Allowed choices are table, json/);
  });
});
