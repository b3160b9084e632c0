/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { launchBrowser } from './browser.js';

// The dashboard in Debian's Chromium against the real server (port 0) on the page `npm run build` made.
const ARTIFACTS = join(import.meta.dirname, '../artifacts/e2e');
let server: RunningServer;
let browser: BrowserContext;
let page: Page;

const chartsText = () =>
  page.locator('figure[data-chart] svg').evaluateAll((svgs) => svgs.map((s) => s.outerHTML).join(''));
const waitForCharts = async () => {
  await page.waitForFunction(() => document.querySelectorAll('figure[data-chart] svg').length >= 7, null, {
    timeout: 60_000,
  });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-e2e-'));
  server = await startServer({ port: 0, dataDir, dbPath: join(dataDir, 'armsrace.db') });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard in Chromium', () => {
  it('loads with every chart drawn and a screenshot of the main view', async () => {
    await page.goto(server.url);
    await waitForCharts();
    expect(await page.locator('figure[data-chart]').count()).toBe(7);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1280x800.png'), fullPage: false });
  }, 120_000);

  it('redraws the charts when a lever moves (keyboard)', async () => {
    const before = await chartsText();
    const lever = page.getByLabel('Pledge target', { exact: true });
    await lever.focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (old) => {
        const now = [...document.querySelectorAll('figure[data-chart] svg')].map((s) => s.outerHTML).join('');
        return now !== old && document.querySelectorAll('figure[data-chart] svg').length >= 7;
      },
      before,
      { timeout: 30_000 },
    );
    expect(await chartsText()).not.toBe(before);
    expect(page.url()).toContain('#');
  }, 120_000);

  it('restores every lever from a shared link', async () => {
    const link = page.url();
    const value = await page.getByLabel('Pledge target', { exact: true }).inputValue();
    const other = await browser.newPage();
    await other.goto(link);
    await other.waitForFunction(() => document.querySelectorAll('figure[data-chart] svg').length >= 7, null, {
      timeout: 60_000,
    });
    expect(await other.getByLabel('Pledge target', { exact: true }).inputValue()).toBe(value);
    await other.close();
  }, 120_000);

  it('saves a scenario on the server and loads it back after a reload', async () => {
    const value = await page.getByLabel('Pledge target', { exact: true }).inputValue();
    await page.getByLabel('Name', { exact: true }).fill('e2e saved');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Load e2e saved' }).waitFor({ timeout: 30_000 });
    const saved = (await (await fetch(`${server.url}/api/scenarios`)).json()) as
      | { scenarios?: { name: string }[] }
      | { name: string }[];
    expect(JSON.stringify(saved)).toContain('e2e saved');
    await page.goto(server.url); // no hash: the defaults
    await waitForCharts();
    await page.getByRole('button', { name: 'Load e2e saved' }).click();
    await page.waitForFunction(
      (v) => (document.getElementById('lever-pledgeTarget') as HTMLInputElement | null)?.value === v,
      value,
      { timeout: 30_000 },
    );
  }, 120_000);

  it('works at a phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url);
    await waitForCharts();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-390x844.png') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  }, 120_000);
});
