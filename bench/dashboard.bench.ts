/// <reference lib="dom" />
/**
 * Median time from a lever move to every chart redrawn, in headless Chromium against the real
 * server and the built page (npm run build first). Prints figures; asserts nothing.
 * Run: npx tsx bench/dashboard.bench.ts [--moves 20]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/serve.js';
import { launchBrowser } from '../test/e2e/browser.js';

const k = process.argv.indexOf('--moves');
const moves = k > 0 ? Number(process.argv[k + 1]) : 20;
const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-bench-web-'));
const server = await startServer({ port: 0, dataDir, dbPath: join(dataDir, 'armsrace.db') });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelectorAll('figure[data-chart] svg').length >= 7, null, {
  timeout: 60_000,
});

const latencies: number[] = [];
const simulations: number[] = [];
const lever = page.getByLabel('Pledge target', { exact: true });
type Measured = { total: number; simulation: number; count: number };
const measuredNow = () => page.evaluate(() => (window as unknown as { armsraceLatency?: Measured }).armsraceLatency);
for (let i = 0; i < moves; i++) {
  const count = (await measuredNow())?.count ?? 0;
  await lever.focus();
  await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
  // The page measures from the input event to the charts appended (performance.now()).
  await page.waitForFunction(
    (c) => ((window as unknown as { armsraceLatency?: Measured }).armsraceLatency?.count ?? 0) > c,
    count,
    { timeout: 30_000 },
  );
  const measured = await measuredNow();
  if (measured !== undefined) {
    latencies.push(measured.total);
    simulations.push(measured.simulation);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
console.log(`dashboard, headless Chromium ${browser.browser()?.version() ?? ''}, 1280×800, ${moves} lever moves`);
console.log(
  `median lever move → all 7 charts redrawn (deterministic run): ${median(latencies).toFixed(0)} ms  (target ≤ 50 ms)`,
);
console.log(`  min ${Math.min(...latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
if (simulations.length > 0)
  console.log(`  of which the simulation in the Web Worker (median): ${median(simulations).toFixed(0)} ms`);
console.log('ensemble on the page (200 members, target ≤ 300 ms): not measured — the page has no ensemble yet');
await browser.close();
await server.close();
