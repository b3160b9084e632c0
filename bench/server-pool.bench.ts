/**
 * A run of the HTTP API on fresh workers against the same run on the server's warm worker pool:
 * `POST /api/runs` with the default scenario, alone and with a 1,000-member ensemble. A cold
 * request is the first of a server just started (its pool starts its workers for it: loading the
 * modules, preparing, V8 compiling the kernel), which is what every request paid when each one
 * started its own workers; a warm one is the same request again on that server. Prints figures;
 * nothing is asserted.
 *
 * Run: npm run build:bench && node dist-bench/server-pool.bench.js [--cold N] [--warm N] [--runs N]
 *   --cold  servers started, one cold request each, per kind of request (default 5)
 *   --warm  warm repeats per server, per kind of request (default 8)
 *   --runs  ensemble members (default 1000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../dist/server/serve.js';

const option = (name: string, fallback: number): number => {
  const k = process.argv.indexOf(`--${name}`);
  const v = k < 0 ? fallback : Number(process.argv[k + 1]);
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`--${name}: ${process.argv[k + 1]} is not a whole number ≥ 1`);
  return v;
};
const coldServers = option('cold', 5);
const warmRepeats = option('warm', 8);
const members = option('runs', 1000);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const range = (xs: readonly number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

const dir = mkdtempSync(join(tmpdir(), 'armsrace-bench-'));

/** One request, timed from the client: the answer's status, and its wall time in milliseconds. */
async function request(url: string, body: unknown): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.text();
  const elapsed = performance.now() - t0;
  if (res.status !== 200) throw new Error(`POST /api/runs answered ${res.status}: ${answer.slice(0, 300)}`);
  return elapsed;
}

interface Measured {
  readonly cold: number[];
  readonly warm: number[];
}

/** `coldServers` servers, each: the request once on fresh workers, then `warmRepeats` times warm. */
async function measure(body: unknown): Promise<Measured> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let s = 0; s < coldServers; s++) {
    const dataDir = mkdtempSync(join(dir, 'server-'));
    const server = await startServer({ port: 0, dataDir, log: () => undefined });
    try {
      cold.push(await request(server.url, body));
      for (let k = 0; k < warmRepeats; k++) warm.push(await request(server.url, body));
      const { started } = server.pool.stats();
      if (started > server.pool.size) throw new Error(`the pool started ${started} workers for ${server.pool.size}`);
    } finally {
      await server.close();
    }
  }
  return { cold, warm };
}

const kinds = [
  { name: 'plain run (default scenario, 2025–2050)', body: { scenario: {} } },
  {
    name: `run with a ${members.toLocaleString('en-US')}-member ensemble`,
    body: { scenario: {}, ensemble: { runs: members, seed: 1 } },
  },
] as const;

try {
  console.log(
    `POST /api/runs, cold (first request of a new server: fresh workers) against warm (the same request again), ${availableParallelism()} workers; ${coldServers} servers × (1 cold + ${warmRepeats} warm)`,
  );
  console.log('| Request | Cold, median (range) | Warm, median (range) | Cold / warm |');
  console.log('| --- | --- | --- | --- |');
  for (const kind of kinds) {
    const { cold, warm } = await measure(kind.body);
    console.log(
      `| ${kind.name} | ${ms(median(cold))} (${range(cold)}) | ${ms(median(warm))} (${range(warm)}) | ${(median(cold) / median(warm)).toFixed(1)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
