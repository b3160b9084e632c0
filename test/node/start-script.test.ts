import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, INPUTS, OUTPUTS } from '../../scripts/start.mjs';

/** A project folder with every input and output of the build, each file dated `time` (s since 1970). */
function project(time: number): string {
  const root = mkdtempSync(join(tmpdir(), 'armsrace-start-'));
  const files = [...INPUTS.map((p) => (p.includes('.') ? p : `${p}/a/file.ts`)), ...OUTPUTS];
  for (const file of files) touch(root, file, time);
  return root;
}

function touch(root: string, file: string, time: number): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, time, time);
}

describe('npm start builds only when the build is not current', () => {
  it('is current when every output is newer than every source', () => {
    const root = project(1_000);
    for (const output of OUTPUTS) touch(root, output, 2_000);
    expect(buildState(root)).toEqual({ current: true, reason: 'every output is newer than every source' });
  });

  it('builds when a source deep in a folder is newer than the oldest output, and names both', () => {
    const root = project(1_000);
    for (const output of OUTPUTS) touch(root, output, 2_000);
    touch(root, 'dist/web/index.html', 3_000);
    touch(root, 'web/src/deep/er/page.tsx', 2_500); // newer than the server's build, older than the page's
    expect(buildState(root)).toEqual({
      current: false,
      reason: `${join('web/src/deep/er/page.tsx')} is newer than ${join('dist/index.js')}`,
    });
    touch(root, 'data/new.csv', 2_500);
    expect(buildState(root).current).toBe(false);
  });

  it('builds when an output is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'armsrace-start-'));
    expect(buildState(root)).toEqual({ current: false, reason: 'dist/index.js is missing' });
  });

  it('says so with --check and exits 0 or 1, starting nothing', () => {
    const script = join(import.meta.dirname, '../../scripts/start.mjs');
    let status = 0;
    let out = '';
    try {
      out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    } catch (error) {
      status = (error as { status: number }).status;
      out = (error as { stdout: string }).stdout;
    }
    expect(out).toMatch(status === 0 ? /^The build is current/ : /^A build is needed: .+ is (newer than|missing)/);
  });
});
