import type { Dataset } from '../core/data/dataset.js';
import { loadDataset } from '../core/data/load-dataset.js';

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
