import { Worker } from 'node:worker_threads';

/**
 * The parent's Node options minus those that describe how the parent's own code was given
 * (`--input-type`, `-e`/`--eval`, `-p`/`--print` and their script): a worker inherits the rest
 * (`--enable-source-maps`, memory limits …), but with these it would refuse to load its file
 * (`node --input-type=module -e "…"` is a common way to script the library).
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let k = 0; k < parent.length; k++) {
    const arg = parent[k] as string;
    if (arg.startsWith('--input-type=')) continue;
    if (arg === '--input-type' || arg === '-e' || arg === '--eval' || arg === '-p' || arg === '--print') {
      k++; // and its value
      continue;
    }
    if (arg.startsWith('--eval=') || arg.startsWith('--print=')) continue;
    out.push(arg);
  }
  return out;
}

/**
 * Start the worker module `name` (without extension) next to the module at `base`: the built `.js`
 * file, or the `.ts` source through tsx's loader when `base` is itself a `.ts` source (tests).
 */
export function startModuleWorker(base: string, name: string, workerData: unknown): Worker {
  const execArgv = workerExecArgv();
  if (base.endsWith('.ts')) {
    const target = new URL(`./${name}.ts`, base).href;
    const code = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(target)}); })().catch((e) => { throw e; });`;
    return new Worker(code, { eval: true, workerData, execArgv });
  }
  return new Worker(new URL(`./${name}.js`, base), { workerData, execArgv });
}
