import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = join(import.meta.dirname, '../../bin/armsrace.js');

/** A fresh, empty user data directory, so tests never read the developer's own. */
export function emptyDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'armsrace-cli-'));
}

/** Run the built CLI in a child process, as a user would. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { ...process.env, ARMSRACE_DATA_DIR: env.ARMSRACE_DATA_DIR ?? emptyDataDir(), NO_COLOR: '1', ...env },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
