#!/usr/bin/env node
/**
 * `npm start`: serve the dashboard, building first only when the build is missing or older than
 * its sources. The build is current when every output below is newer than every input; otherwise
 * `npm run build` runs (data, server, page) before the server starts. Arguments go to
 * `armsrace serve` (`npm start -- --port 9000`); `--check` only says whether a build is needed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build reads: files, or folders taken whole. */
export const INPUTS = [
  'src',
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'data',
  'scripts/build-data.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** What the build writes, one file per step: the command line and library, the server, the page. */
export const OUTPUTS = ['dist/index.js', 'dist/cli/entry.js', 'dist/server/serve.js', 'dist/web/index.html'];

/** The newest file under `path` (itself when a file), with its time; undefined when nothing is there. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let found;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const { mtimeMs } = statSync(file);
    if (found === undefined || mtimeMs > found.mtimeMs) found = { path: file, mtimeMs };
  }
  return found;
}

/**
 * Whether the build under `root` is current and, when it is not, why: an output missing, or the
 * newest input newer than the oldest output.
 *
 * @param {string} root The project's folder.
 * @returns {{ current: boolean, reason: string }}
 */
export function buildState(root) {
  let oldest;
  for (const output of OUTPUTS) {
    const found = newest(join(root, output));
    if (found === undefined) return { current: false, reason: `${output} is missing` };
    if (oldest === undefined || found.mtimeMs < oldest.mtimeMs) oldest = found;
  }
  let latest;
  for (const input of INPUTS) {
    const found = newest(join(root, input));
    if (found !== undefined && (latest === undefined || found.mtimeMs > latest.mtimeMs)) latest = found;
  }
  if (latest !== undefined && oldest !== undefined && latest.mtimeMs >= oldest.mtimeMs) {
    return {
      current: false,
      reason: `${relative(root, latest.path)} is newer than ${relative(root, oldest.path)}`,
    };
  }
  return { current: true, reason: 'every output is newer than every source' };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const state = buildState(root);
  if (args.includes('--check')) {
    console.log(state.current ? `The build is current: ${state.reason}.` : `A build is needed: ${state.reason}.`);
    process.exit(state.current ? 0 : 1);
  }
  if (!state.current) {
    console.log(`Building (${state.reason})…`);
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const { main } = await import(pathToFileURL(join(root, 'dist/cli/main.js')).href);
  process.exitCode = await main(['serve', ...args]);
}
