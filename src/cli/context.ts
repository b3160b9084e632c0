import type { Dataset } from '../core/data/dataset.js';
import { loadDataset } from '../core/data/load-dataset.js';
import { InputError } from '../core/errors.js';

/** Options every command accepts. */
export interface GlobalOptions {
  readonly dataDir?: string;
}

/** The embedded dataset, plus the editions imported into the user data directory, if any. */
export async function datasetFor(options: GlobalOptions): Promise<Dataset> {
  const embedded = loadDataset();
  const { defaultDataDir, loadUserDataset } = await import('../node/user-data.js');
  return loadUserDataset(options.dataDir ?? defaultDataDir(), embedded);
}

/** Write text to stdout with a final newline. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A file a command writes into its `--out` folder. */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * Write the files into `dir` (created if missing), each atomically, after everything has been
 * computed, and say which.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { writeFileAtomic } = await import('../node/user-data.js');
  mkdirSync(dir, { recursive: true });
  for (const f of files) await writeFileAtomic(join(dir, f.name), f.content);
  print(`Wrote ${files.map((f) => f.name).join(', ')} to ${dir}`);
}

/** @throws {InputError} naming `--chart` when it comes without `--out`, which says where the charts go. */
export function requireOut(chart: string | undefined, out: string | undefined): void {
  if (chart !== undefined && out === undefined) {
    throw new InputError('bad-option', `--chart ${chart}: add --out DIR, the folder to write the charts into`, 'chart');
  }
}
