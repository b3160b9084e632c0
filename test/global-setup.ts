import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One directory for every temporary file of a test run: the tests' own, the CLI's child processes'
 * and the browser's all go under `TMPDIR`, which points here while the tests run. Removed at the
 * end, so a run leaves nothing behind in the system's temporary directory.
 */
export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'armsrace-test-'));
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
}
