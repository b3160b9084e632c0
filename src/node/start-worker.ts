import { Worker } from 'node:worker_threads';

/** Node options that change how modules resolve or load, or how errors print: the ones a worker keeps. */
const KEPT_FLAGS = new Set([
  '--enable-source-maps',
  '--no-warnings',
  '--no-deprecation',
  '--trace-warnings',
  '--trace-deprecation',
  '--trace-uncaught',
  '--preserve-symlinks',
]);
const KEPT_WITH_VALUE = new Set([
  '--conditions',
  '-C',
  '--unhandled-rejections',
  '--import',
  '--require',
  '-r',
  '--loader',
  '--experimental-loader',
]);

/**
 * The Node options a worker starts with: those of `parent` that change how modules resolve or load
 * or how errors print (`--enable-source-maps`, `--conditions`, `--import` …), nothing else. A worker
 * refuses V8 and process options (`--expose-gc`, `--max-old-space-size`, `--title` …: `new Worker`
 * throws ERR_WORKER_INVALID_EXEC_ARGV), and the options that gave the parent's own code
 * (`-e`, `--print`, `--input-type`) would stop it loading its file.
 *
 * @example workerExecArgv(['--expose-gc', '--enable-source-maps', '--conditions', 'dev']) // ['--enable-source-maps', '--conditions', 'dev']
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let k = 0; k < parent.length; k++) {
    const arg = parent[k] as string;
    const name = arg.split('=')[0] as string;
    if (KEPT_FLAGS.has(arg)) out.push(arg);
    else if (KEPT_WITH_VALUE.has(name) && arg.includes('=')) out.push(arg);
    else if (KEPT_WITH_VALUE.has(arg) && k + 1 < parent.length) out.push(arg, parent[++k] as string);
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

/**
 * The URL of the module `name` (without extension) next to the module at `base`: the built `.js`
 * file, or the `.ts` source when `base` is itself a `.ts` source (tests, where workers load sources
 * through tsx). A task of the worker pool (`worker-pool.ts`) names its module this way.
 *
 * @example moduleUrl(import.meta.url, 'ensemble-tasks') // 'file:///…/dist/node/ensemble-tasks.js'
 */
export function moduleUrl(base: string, name: string): string {
  return new URL(`./${name}.${base.endsWith('.ts') ? 'ts' : 'js'}`, base).href;
}
