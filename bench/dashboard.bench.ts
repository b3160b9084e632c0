/// <reference lib="dom" />
/**
 * Median time from a lever move to every chart in view redrawn, in headless Chromium against the
 * real server and the built page (npm run build first): first for the deterministic run, then with
 * the ensemble on (200 members); then to every chart redrawn, those out of view too (drawn when the
 * page is idle), and each chart's building. Prints figures; asserts nothing.
 * Run: npx tsx bench/dashboard.bench.ts [--moves 20] [--ensemble-moves 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../dist/server/serve.js';
import { launchBrowser } from '../test/e2e/browser.js';

const option = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : fallback;
};
const moves = option('--moves', 20);
const ensembleMoves = option('--ensemble-moves', 10);

type Key = 'armsraceLatency' | 'armsraceEnsembleLatency';
type Measured = {
  total: number;
  simulation: number;
  drawing: number;
  render?: number;
  count: number;
  /** ms of building each chart in view. */
  charts?: Record<string, number>;
  /** From the move to every chart drawn, those out of view too. */
  complete?: number;
  /** ms of building each chart redrawn, in view or not. */
  allCharts?: Record<string, number>;
};
const measured = (page: Page, key: Key) =>
  page.evaluate((k) => (window as unknown as Record<string, Measured | undefined>)[k], key);

/** Move the pledge target back and forth `n` times, each time waiting for `key`'s next measurement. */
async function measure(page: Page, key: Key, n: number): Promise<Measured[]> {
  const lever = page.getByLabel('Pledge target', { exact: true });
  const out: Measured[] = [];
  for (let i = 0; i < n; i++) {
    const count = (await measured(page, key))?.count ?? 0;
    await lever.focus();
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    // The page measures from the input event to the charts appended (performance.now()).
    // Then until the charts out of view are drawn too, so that the next move starts from rest.
    await page.waitForFunction(
      ([k, c]) => {
        const m = (window as unknown as Record<string, Measured | undefined>)[k];
        return (m?.count ?? 0) > c && m?.complete !== undefined;
      },
      [key, count] as const,
      { timeout: 120_000 },
    );
    const m = await measured(page, key);
    if (m !== undefined) out.push(m);
  }
  return out;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
const report = (label: string, target: number, runs: Measured[], simulationLabel: string) => {
  const totals = runs.map((r) => r.total);
  console.log(`median lever move → ${label}: ${median(totals).toFixed(0)} ms  (target ≤ ${target} ms)`);
  console.log(`  min ${Math.min(...totals).toFixed(0)} ms, max ${Math.max(...totals).toFixed(0)} ms`);
  console.log(`  of which ${simulationLabel} (median): ${median(runs.map((r) => r.simulation)).toFixed(0)} ms`);
  console.log(
    `  and building the charts on the main thread (median): ${median(runs.map((r) => r.drawing)).toFixed(0)} ms`,
  );
  const renders = runs.flatMap((r) => (r.render === undefined ? [] : [r.render]));
  if (renders.length > 0)
    console.log(`  from the answer's arrival to the building's start (median): ${median(renders).toFixed(0)} ms`);
  const inView = [...new Set(runs.flatMap((r) => Object.keys(r.charts ?? {})))];
  console.log(`  charts built before the latency ends (in view): ${inView.join(', ') || 'none'}`);
  const complete = runs.flatMap((r) => (r.complete === undefined ? [] : [r.complete]));
  if (complete.length > 0)
    console.log(`  median lever move → every chart redrawn, out of view too: ${median(complete).toFixed(0)} ms`);
  const ids = [...new Set(runs.flatMap((r) => Object.keys(r.allCharts ?? {})))];
  for (const id of ids) {
    const ms = runs.flatMap((r) => (r.allCharts?.[id] === undefined ? [] : [r.allCharts[id]]));
    console.log(`    building ${id} (median of ${ms.length}): ${median(ms).toFixed(1)} ms`);
  }
};

// The data and the browser's profile in one temporary directory, removed at the end.
const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-bench-web-'));
process.env.TMPDIR = dataDir;
const server = await startServer({ port: 0, dataDir, dbPath: join(dataDir, 'armsrace.db') });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForFunction(
  () => document.querySelectorAll('section[aria-label="Charts"] figure[data-chart] > div > svg').length >= 7,
  null,
  { timeout: 60_000 },
);
// Let the claims worker finish its one-off computation first.
await page.waitForFunction(() => document.querySelectorAll('article[data-claim]').length >= 7, null, {
  timeout: 120_000,
});

console.log(`dashboard, headless Chromium ${browser.browser()?.version() ?? ''}, 1280×800`);
report(
  `the charts in view redrawn (deterministic run, ${moves} moves)`,
  25,
  await measure(page, 'armsraceLatency', moves),
  'the simulation in the Web Worker',
);

await page.getByRole('checkbox', { name: 'Run an ensemble', exact: true }).check();
await page.waitForFunction(
  () => (window as unknown as { armsraceEnsembleLatency?: Measured }).armsraceEnsembleLatency !== undefined,
  null,
  { timeout: 120_000 },
);
report(
  `the fan charts in view redrawn (200-member ensemble over two workers, ${ensembleMoves} moves)`,
  150,
  await measure(page, 'armsraceEnsembleLatency', ensembleMoves),
  'the ensemble, from its request to its summary',
);
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
