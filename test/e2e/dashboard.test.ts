/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/core/charts/charts.js';
import { allianceMapData } from '../../src/core/charts/map/map-data.js';
import { observationAt } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { type EnsembleResult, runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { ENSEMBLE_SEED, encodeLevers, fittedLevers, LEVERS, leverDefaults, toScenario } from '../../web/src/levers.js';
import { axeViolations, formatViolations } from './axe.js';
import { launchBrowser } from './browser.js';

// The dashboard in Debian's Chromium against the real server (port 0) on the page `npm run build` made.
const ARTIFACTS = join(import.meta.dirname, '../artifacts/e2e');
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const BIN = join(import.meta.dirname, '../../bin/armsrace.js');
const MAIN = 'section[aria-label="Charts"] figure[data-chart]';
const chartsText = () => page.locator(`${MAIN} svg`).evaluateAll((svgs) => svgs.map((s) => s.outerHTML).join(''));
/** No violation of WCAG 2.1 A/AA or axe-core's best practices in the page or the part `include` selects. */
const expectAccessible = async (include?: string, on: Page = page) => {
  const violations = await axeViolations(on, include);
  expect(violations.length, `axe-core found:\n${formatViolations(violations)}`).toBe(0);
};
const waitForCharts = async (on: Page = page) => {
  await on.waitForFunction((sel) => document.querySelectorAll(`${sel} > div > svg`).length >= 7, MAIN, {
    timeout: 60_000,
  });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'armsrace-e2e-'));
  server = await startServer({ port: 0, dataDir, dbPath: join(dataDir, 'armsrace.db') });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard in Chromium', () => {
  it('loads with every chart drawn and a screenshot of the main view', async () => {
    await page.goto(server.url);
    await waitForCharts();
    expect(await page.locator(MAIN).count()).toBe(7);
    expect(await page.locator('figure[data-chart="allies-ranked"] svg').count()).toBeGreaterThan(0);
    // No lever has moved yet: the latency readout waits for one.
    expect(await page.getByTestId('latency').textContent()).toBe('—');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1280x800.png'), fullPage: false });
  }, 120_000);

  it('shows every row of the levers table in its group of the panel', async () => {
    for (const row of LEVERS) {
      const group = page.locator('form.levers fieldset', { has: page.locator('legend', { hasText: row.group }) });
      const control =
        row.kind === 'allies'
          ? group.locator('summary', { hasText: row.label })
          : group.getByLabel(row.label, { exact: true });
      expect(await control.count(), row.label).toBe(1);
    }
  });

  it('has no accessibility violations in the main view, with a data table and the compliance table open', async () => {
    await expectAccessible();
    await page.getByRole('button', { name: 'Data table of "Russia\'s military burden"' }).click();
    await page.locator('[data-testid="compliance-table"] summary').click();
    await page.locator('section.alliance-map details summary').click();
    await expectAccessible();
    await page.goto(server.url); // closes them again
    await waitForCharts();
  }, 120_000);

  it("shows a chart's numbers as a table from the keyboard: the run's values by year", async () => {
    const figure = page.locator('figure[data-chart="russia-burden"]');
    const toggle = figure.getByRole('button', { name: 'Data table of "Russia\'s military burden"' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const table = figure.locator('table.data-table');
    await table.waitFor();
    const header = await table.locator('thead th').allTextContents();
    expect(header[0]).toBe('Year');
    // The page's run is Node's run of the same levers.
    const dataset = loadDataset();
    const fitted = fittedLevers(dataset.data.fitted);
    const run = simulate(validateScenario(toScenario(leverDefaults(fitted), { fitted })), dataset);
    const russia = run.actors.find((a) => a.iso3 === 'RUS');
    const column = header.indexOf(russia?.name as string);
    expect(column).toBeGreaterThan(0);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => Number(r[0]))).toEqual([...run.years]);
    for (const [k, row] of rows.entries()) {
      const value = ((russia?.burden[k] as number) * 100).toFixed(2);
      // Chromium's and Node's V8 may differ in the last bit: one unit of the last digit at most.
      expect(Math.abs(Number(row[column]) - Number(value))).toBeLessThanOrEqual(0.0100001);
    }
    // Its scroll container takes the keyboard's focus and has a name.
    const wrap = figure.locator('.chart-table .table-wrap');
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    expect(await wrap.getAttribute('aria-label')).toContain("Russia's military burden");
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await table.count()).toBe(0);
  }, 120_000);

  it('skips to the charts from the first key press, leaving the levers in the URL alone', async () => {
    await page.goto('about:blank'); // a new document: the keyboard starts at its top
    await page.goto(`${server.url}/#${Buffer.from('{"pledgeTarget":4}').toString('base64url')}`);
    await waitForCharts();
    const before = page.url();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the charts' });
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0); // shown once focused
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'charts');
    expect(page.url()).toBe(before);
    expect(await page.getByLabel('Pledge target', { exact: true }).inputValue()).toBe('4');
    await page.goto(server.url);
    await waitForCharts();
  }, 60_000);

  it('runs the model in WebAssembly, and its run is the one Node runs, bit for bit', async () => {
    await page.goto(server.url);
    await waitForCharts();
    expect(await page.getByTestId('kernel').textContent()).toBe('; the model runs in WebAssembly');
    // The run's stability margins follow it from the worker.
    await page.waitForFunction(
      () => ((window as unknown as { armsraceRun?: { stability: unknown[] } }).armsraceRun?.stability.length ?? 0) > 0,
    );
    const fromPage = (await page.evaluate(() => (window as unknown as { armsraceRun?: unknown }).armsraceRun)) as
      | ReturnType<typeof simulate>
      | undefined;
    expect(fromPage?.solver.kernel).toBe('wasm');
    const dataset = loadDataset();
    const fitted = fittedLevers(dataset.data.fitted);
    const scenario = validateScenario(toScenario(leverDefaults(fitted), { fitted }));
    const end = fromPage?.years.at(-1) as number;
    const node = simulate(scenario, dataset, { stabilityYears: [2035, end] });
    expect(node.solver.kernel).toBe('wasm');
    expect(fromPage).toEqual(node);
  }, 120_000);

  it('redraws the charts when a lever moves (keyboard)', async () => {
    const before = await chartsText();
    const lever = page.getByLabel('Pledge target', { exact: true });
    await lever.focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      ([old, sel]) => {
        const now = [...document.querySelectorAll(`${sel} svg`)].map((s) => s.outerHTML).join('');
        return now !== old && document.querySelectorAll(`${sel} > div > svg`).length >= 7;
      },
      [before, MAIN] as const,
      { timeout: 30_000 },
    );
    expect(await chartsText()).not.toBe(before);
    // The charts in view are drawn before the latency ends, the others after it, when the page is idle.
    const timed = (await (
      await page.waitForFunction(
        (sel) => {
          const m = (window as unknown as { armsraceLatency?: { charts?: object; allCharts?: object } })
            .armsraceLatency;
          if (m?.charts === undefined || m.allCharts === undefined) return undefined;
          const inView = [...document.querySelectorAll(sel)]
            .filter((f) => {
              const r = f.getBoundingClientRect();
              return r.bottom > 0 && r.top < window.innerHeight;
            })
            .map((f) => f.getAttribute('data-chart'));
          return { inView, charts: Object.keys(m.charts), all: Object.keys(m.allCharts) };
        },
        MAIN,
        { timeout: 10_000 },
      )
    ).jsonValue()) as { inView: string[]; charts: string[]; all: string[] };
    expect(timed.inView.length).toBeGreaterThan(0);
    expect(timed.charts).toEqual(timed.inView);
    expect(timed.all.sort()).toEqual(CHARTS.map((c) => c.id).sort());
    await page.waitForFunction(() => window.location.hash !== '', null, { timeout: 10_000 });
    expect(page.url()).toContain('#');
    await page.waitForFunction(() =>
      /^\d+ ms$/.test(document.querySelector('[data-testid="latency"]')?.textContent ?? ''),
    );
    // Reset buttons are named by the lever's label as written: proper nouns keep their capitals.
    expect(await page.getByRole('button', { name: /^Reset "Pledge target" to \d/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Reset "Russia's threat elasticity" to / }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Reset "Ukraine joins NATO" to off$/ }).count()).toBe(1);
  }, 120_000);

  it('restores every lever from a shared link', async () => {
    const link = page.url();
    const value = await page.getByLabel('Pledge target', { exact: true }).inputValue();
    const other = await browser.newPage();
    await other.goto(link);
    await waitForCharts(other);
    expect(await other.getByLabel('Pledge target', { exact: true }).inputValue()).toBe(value);
    await other.close();
  }, 120_000);

  it('copies a link that restores the scenario, and says so', async () => {
    await page.goto(server.url);
    await waitForCharts();
    // The clipboard is read back where the browser grants it; elsewhere the page's address is the link.
    const clipboard = await browser
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin })
      .then(() => true)
      .catch(() => false);
    const lever = page.getByLabel("Russia's adjustment speed", { exact: true });
    await lever.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
    const value = await lever.inputValue();
    // At once, before the address bar takes the levers: the link is that of the levers as they stand.
    await page.getByRole('button', { name: 'Copy link' }).click();
    const status = page.getByTestId('copy-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent !== '');
    expect(await status.textContent()).toMatch(/^Link copied/);
    expect(await status.isVisible()).toBe(true);
    const copied = clipboard ? await page.evaluate(() => navigator.clipboard.readText()) : page.url();
    expect(copied).toBe(page.url());
    expect(copied).toContain('#');
    const other = await browser.newPage();
    await other.goto(copied);
    await waitForCharts(other);
    expect(await other.getByLabel("Russia's adjustment speed", { exact: true }).inputValue()).toBe(value);
    await other.close();
    // The confirmation goes after a few seconds.
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent === '', null, {
      timeout: 10_000,
    });
  }, 120_000);

  it('saves a scenario on the server and loads it back after a reload', async () => {
    const value = await page.getByLabel('Pledge target', { exact: true }).inputValue();
    await page.getByLabel('Name', { exact: true }).fill('e2e saved');
    // A save the server refuses shows its error; what succeeds next — a YAML file saved, then a
    // save on the server — clears it.
    const saveError = page.locator('section.saved .error');
    const refuse = () =>
      page.route('**/api/scenarios', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: JSON.stringify({ code: 'store-busy', message: 'The store is busy; try again.' }),
            })
          : route.continue(),
      );
    const failedSave = async () => {
      await refuse();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await saveError.waitFor({ timeout: 30_000 });
      expect(await saveError.textContent()).toContain('The store is busy');
      await page.unroute('**/api/scenarios');
      // The browser logs the refused request; that error is this test's own.
      const refused = pageErrors.findIndex((e) => /status of 503/.test(e));
      if (refused >= 0) pageErrors.splice(refused, 1);
    };
    await failedSave();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download YAML' }).click()]);
    await saveError.waitFor({ state: 'detached', timeout: 10_000 });
    await failedSave();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Load e2e saved' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('section.saved .status')?.textContent?.includes('Saved'));
    expect(await saveError.count()).toBe(0);
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

  it('renames a saved scenario', async () => {
    await page.getByRole('button', { name: 'Rename e2e saved' }).click();
    await page.getByLabel('New name of e2e saved').fill('e2e renamed');
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await page.getByRole('button', { name: 'Load e2e renamed' }).waitFor({ timeout: 30_000 });
    const listed = await (await fetch(`${server.url}/api/scenarios`)).text();
    expect(listed).toContain('e2e renamed');
    expect(listed).not.toContain('"e2e saved"');
  }, 120_000);

  it("sets one ally's compliance in the table and redraws", async () => {
    await page.goto(server.url);
    await waitForCharts();
    const before = await chartsText();
    await page.locator('[data-testid="compliance-table"] summary').click();
    // Poland's latest burden as the data give it for the year shown, in % of GDP.
    const shown = (await page.getByTestId('burden-POL').textContent()) ?? '';
    const match = /^(\d+\.\d\d) % \((\d{4}), SIPRI\)$/.exec(shown);
    expect(match, shown).not.toBeNull();
    const data = loadDataset();
    const sipri = data.latestEdition('sipri-', 'milex_share_gdp') as string;
    const figure = data.series('POL', 'milex_share_gdp', sipri);
    const observed = figure === undefined ? undefined : observationAt(figure, Number(match?.[2]))?.value;
    expect(observed).toBeDefined();
    expect(match?.[1]).toBe(observed?.toFixed(2));
    await page.getByLabel('Germany', { exact: true }).fill('0');
    await page.getByLabel('Germany', { exact: true }).press('Enter');
    await page.waitForFunction(
      ([old, sel]) => [...document.querySelectorAll(`${sel} svg`)].map((s) => s.outerHTML).join('') !== old,
      [before, MAIN] as const,
      { timeout: 30_000 },
    );
    expect(await page.locator('[data-testid="compliance-table"] summary').textContent()).toContain('1 set');
    await page.waitForFunction(() => window.location.hash !== '', null, { timeout: 10_000 });
    const hash = decodeURIComponent(page.url().split('#')[1] ?? '');
    expect(JSON.parse(Buffer.from(hash, 'base64url').toString('utf8'))).toMatchObject({ complianceByAlly: { DEU: 0 } });
  }, 120_000);

  it('refuses a compliance out of range, naming the ally, the value and the range, without widening the panel', async () => {
    const side = () => page.locator('.side').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    const { scroll, client } = await side();
    expect(scroll).toBeLessThanOrEqual(client);
    const france = page.getByLabel('France', { exact: true });
    await france.fill('1.5');
    await france.press('Enter');
    const refused = page.getByTestId('compliance-refused');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.textContent()).toMatch(/^France: 1\.5 is outside the range 0 to 1/);
    expect(await france.inputValue()).toBe(''); // the value in force: the global one
    await page.waitForTimeout(300); // longer than the URL's delay
    const hash = decodeURIComponent(page.url().split('#')[1] ?? '');
    expect(JSON.parse(Buffer.from(hash, 'base64url').toString('utf8')).complianceByAlly).toEqual({ DEU: 0 });
    // A value in range is taken and the message goes.
    await france.fill('0.4');
    await france.press('Enter');
    await refused.waitFor({ state: 'detached', timeout: 10_000 });
    const after = await side();
    expect(after.scroll).toBeLessThanOrEqual(after.client);
  }, 60_000);

  it('ranks the allies of the year on the slider', async () => {
    const title = () => page.locator('figure[data-chart="allies-ranked"] .chart-title').textContent();
    expect(await title()).toContain('2035');
    await page.getByLabel('Year', { exact: true }).fill('2045');
    await page.waitForFunction(
      () => document.querySelector('figure[data-chart="allies-ranked"] .chart-title')?.textContent?.includes('2045'),
      null,
      { timeout: 30_000 },
    );
    const bars = await page.locator('figure[data-chart="allies-ranked"] .ranked-bar rect').count();
    expect(bars).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('maps the allies of a data year and of a simulated year', async () => {
    const map = 'figure[data-chart="alliance-map"]';
    const mapShows = (title: string) =>
      page.waitForFunction(
        ([sel, t]) => document.querySelector(`${sel} .chart-title`)?.textContent === t,
        [map, title] as const,
        { timeout: 60_000 },
      );
    const count = (selector: string) => page.locator(`${map} ${selector} path`).count();
    await mapShows("NATO's allies in 2024");
    expect(await page.locator('[data-testid="map-year"]').textContent()).toContain('(data)');
    const dataset = loadDataset();
    expect(await count('g.map-ally')).toBe(dataset.members(2024).length);
    expect(await count('g.map-russia')).toBe(1);
    expect(await count('g.map-belarus')).toBe(1);
    expect(await count('g.map-frontier')).toBe(1);
    await page.getByLabel('Map year', { exact: true }).fill('1990');
    await mapShows("NATO's allies in 1990");
    expect(await count('g.map-ally')).toBe(dataset.members(1990).length);
    expect(await count('g.map-soviet')).toBe(15);
    // A simulated year: the run of the page's levers, as Node computes it.
    await page.getByLabel('Map year', { exact: true }).fill('2040');
    await page.getByRole('radio', { name: 'Military burden (% of GDP)' }).check();
    await mapShows("NATO allies' military burden in 2040");
    expect(await page.locator('[data-testid="map-year"]').textContent()).toContain('(simulated)');
    const fitted = fittedLevers(dataset.data.fitted);
    const run = simulate(validateScenario(toScenario(leverDefaults(fitted), { fitted })), dataset);
    const expected = allianceMapData(dataset, { year: 2040, mode: 'burden', result: run });
    expect(expected.basis).toBe('simulated');
    expect(await count('g.map-ally')).toBe(expected.allies);
    const bands = ['below-2', 'at-2', 'at-3-5', 'no-figure'];
    let banded = 0;
    for (const band of bands) banded += await count(`g.map-${band}`);
    expect(banded).toBe(expected.allies);
    await page.locator('section.alliance-map details summary').click();
    expect(await page.locator('[data-testid="map-table"] tbody tr[data-ally="yes"]').count()).toBe(expected.allies);
    await page.locator('section.alliance-map').screenshot({ path: join(ARTIFACTS, 'dashboard-map.png') });
  }, 120_000);

  it('shows exact values and highlights an ally under the pointer', async () => {
    await page.goto(server.url);
    await waitForCharts();
    const panel = page.locator('figure[data-chart="allies-burden"] svg svg');
    await panel.scrollIntoViewIfNeeded();
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    const b = box as NonNullable<typeof box>;
    // Sweep down the middle year until the pointer is near a line.
    const highlight = page.locator('figure[data-chart="allies-burden"] .ally-highlight');
    for (let f = 0.05; f < 1 && (await highlight.count()) === 0; f += 0.05) {
      await page.mouse.move(b.x + b.width * 0.5, b.y + b.height * f);
      await page.waitForTimeout(50);
    }
    await highlight.waitFor({ timeout: 10_000 });
    expect(await highlight.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){10,}/);
    const tip = await page.locator('figure[data-chart="allies-burden"] [aria-label="tip"]').textContent();
    expect(tip).toMatch(/\d{4}: \d+\.\d\d % of GDP/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-tooltip.png') });
  }, 120_000);

  it('exports the charts as SVG and PNG, the results as CSV, and a YAML the CLI reruns to the same CSV', async () => {
    const save = async (name: string | RegExp) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).first().click(),
      ]);
      return readFileSync((await download.path()) as string);
    };
    const svg = (await save('Download "Allies ranked by military burden" as SVG')).toString('utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('aria-label="tip"');
    const png = await save('Download "NATO allies\' military burden" as PNG');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1280); // width at twice the chart's size
    const csv = (await save('Download results (CSV)')).toString('utf8');
    expect(csv.split('\n')[0]).toBe('year,entity,variable,value,unit');
    const yaml = (await save('Download YAML')).toString('utf8');
    const dir = mkdtempSync(join(tmpdir(), 'armsrace-e2e-yaml-'));
    writeFileSync(join(dir, 'page.yaml'), yaml);
    execFileSync(process.execPath, [BIN, 'run', join(dir, 'page.yaml'), '--out', join(dir, 'out')], { stdio: 'pipe' });
    // The same rows and the same rounded values (burdens in % of GDP to 4 decimals, money to 1);
    // Chromium's and Node's V8 may differ in the last bit of a transcendental function, which can
    // move a value across a rounding boundary: then by one unit of its last decimal at most.
    const rows = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => line.split(','));
    const cli = rows(readFileSync(join(dir, 'out', 'results.csv'), 'utf8'));
    const fromPage = rows(csv);
    expect(cli.length).toBe(fromPage.length);
    const unit = (text: string) => 10 ** -(text.split('.')[1] ?? '').length;
    let apart = 0;
    for (const [k, row] of cli.entries()) {
      const other = fromPage[k] as string[];
      expect([row[0], row[1], row[2], row[4]]).toEqual([other[0], other[1], other[2], other[4]]);
      if (row[3] === other[3]) continue;
      apart++;
      const step = Math.max(unit(row[3] ?? ''), unit(other[3] ?? ''));
      expect(Math.abs(Number(row[3]) - Number(other[3]))).toBeLessThanOrEqual(step * 1.000001);
    }
    expect(apart).toBeLessThan(5);
    const burden = fromPage.find((r) => r[1] === 'POL' && r[2] === 'burden');
    expect(burden?.[4]).toBe('pct_GDP');
    expect(Number(burden?.[3])).toBeGreaterThan(1);
  }, 120_000);

  it('runs an ensemble and draws its fan charts', async () => {
    await page.goto(server.url);
    await waitForCharts();
    await page.getByRole('checkbox', { name: 'Run an ensemble', exact: true }).check();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('section[aria-label="Ensemble charts"] figure[data-chart] > div > svg').length >= 6,
      null,
      { timeout: 120_000 },
    );
    expect(await page.locator('[data-testid="ensemble"] .status-line').textContent()).toContain('200 members');
    expect(await page.locator('figure[data-chart="fan-russia-burden"]').count()).toBe(1);
    // Split over the page's two workers, the ensemble is the one Node runs in one thread.
    const fromPage = (await page.evaluate(
      () => (window as unknown as { armsraceEnsemble?: unknown }).armsraceEnsemble,
    )) as EnsembleResult;
    const dataset = loadDataset();
    const fitted = fittedLevers(dataset.data.fitted);
    const scenario = validateScenario(toScenario({ ...leverDefaults(fitted), ensembleOn: true }, { fitted }));
    const node = runEnsemble(scenario, dataset, { runs: 200, seed: ENSEMBLE_SEED });
    expect(fromPage.runs).toBe(200);
    // Every mean, quantile and event of every series, bit for bit (the workers run WebAssembly).
    expect(fromPage).toEqual(node);
    // A tooltip on the fan: the median and the 5–95 % range under the pointer.
    const fan = page.locator('figure[data-chart="fan-russia-burden"] svg svg');
    await fan.scrollIntoViewIfNeeded();
    const box = (await fan.boundingBox()) as NonNullable<Awaited<ReturnType<typeof fan.boundingBox>>>;
    const tip = page.locator('figure[data-chart="fan-russia-burden"] [aria-label="tip"] text');
    for (let f = 0.05; f < 1 && (await tip.count()) === 0; f += 0.05) {
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * f);
      await page.waitForTimeout(50);
    }
    expect(await tip.textContent()).toMatch(/median .*5–95 %/);
    // Charts off screen are not rendered (content-visibility: auto): render them all for the picture.
    const all = await page.addStyleTag({ content: 'figure { content-visibility: visible !important; }' });
    await page.locator('[data-testid="ensemble"]').screenshot({ path: join(ARTIFACTS, 'dashboard-ensemble.png') });
    await all.evaluate((node) => node.parentNode?.removeChild(node));
    await page.getByRole('checkbox', { name: 'Run an ensemble', exact: true }).uncheck();
    await page.waitForSelector('[data-testid="ensemble"]', { state: 'detached', timeout: 10_000 });
  }, 180_000);

  it('tracks the pledges for a year, an edition and a threshold', async () => {
    await page.goto(server.url);
    await waitForCharts();
    const tracker = page.locator('section.pledges');
    // The default edition is NATO's 2026 (core defence): 17 allies at 2 % in 2024; its 2025
    // edition counted 18. Each answer is awaited by its count, not by its year alone.
    const summaryShows = (year: string, count: string) =>
      page.waitForFunction(
        ([y, n]) =>
          document.querySelector('.pledge-summary')?.textContent?.includes(`in ${y}`) === true &&
          document.querySelector('.pledge-summary strong')?.textContent === n,
        [year, count],
      );
    await tracker.getByLabel('Year').selectOption('2024');
    await summaryShows('2024', '17');
    await tracker.getByLabel('NATO edition').selectOption('2025');
    await summaryShows('2024', '18');
    await tracker.getByLabel('Threshold').selectOption({ label: '3.5 %' });
    await page.waitForFunction(() => document.querySelector('.pledge-summary')?.textContent?.includes('3.5 %'));
    expect(Number(await tracker.locator('.pledge-summary strong').textContent())).toBeLessThan(18);
    expect(await tracker.locator('.source').textContent()).toContain('NATO');
  }, 120_000);

  it('answers the seven press claims with evidence, strength and a chart each', async () => {
    await page.goto(server.url);
    await waitForCharts();
    await page.waitForFunction(
      () => document.querySelectorAll('article[data-claim] .chart-host svg').length >= 7,
      null,
      {
        timeout: 120_000,
      },
    );
    for (let id = 1; id <= 7; id++) {
      const panel = page.locator(`article[data-claim="${id}"]`);
      expect(await panel.locator('.claim-statement').textContent()).not.toBe('');
      expect(['strong', 'moderate', 'weak', 'contested']).toContain(
        await panel.locator('.claim-strength').getAttribute('data-strength'),
      );
      expect(await panel.locator('.claim-numbers tbody tr').count()).toBeGreaterThan(0);
    }
    const rus = loadDataset().data.fitted?.parameters.elasticity_RUS.estimate as number;
    expect(await page.locator('article[data-claim="6"] .claim-answer').textContent()).toContain(rus.toFixed(2));
    await page.locator('article[data-claim="6"]').screenshot({ path: join(ARTIFACTS, 'dashboard-claim-6.png') });
    // A claim's panel with its numbers open has no accessibility violations.
    await page.locator('article[data-claim="6"] .claim-numbers summary').click();
    await expectAccessible('article[data-claim="6"]');
    await expectAccessible('section.claims');
  }, 180_000);

  it('answers the levers in a headline strip against the status quo, runs a preset as its file, and draws the baseline', async () => {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(server.url);
    await waitForCharts(tab);
    expect(await tab.getByTestId('baseline-name').textContent()).toBe('Status quo, 2 % held');
    // The baseline is drawn dashed beside the run in the charts that compare.
    expect(await tab.locator(`${MAIN} svg .baseline-NATO`).count()).toBeGreaterThan(0);
    const first = await tab.getByTestId('headline-text').textContent();
    expect(first).toMatch(/^In 2035 NATO spends [\d.]+ % of GDP and Russia [\d.]+ %/);

    // Two clicks: the preset, and the numbers are those of armsrace run on its file.
    await tab.getByTestId('preset-russia-proportional').click();
    await tab.waitForFunction(
      (old) => document.querySelector('[data-testid="headline-text"]')?.textContent !== old,
      first,
      {
        timeout: 30_000,
      },
    );
    await tab.waitForFunction(() => window.location.hash === '#preset-russia-proportional', null, { timeout: 10_000 });
    expect(await tab.getByTestId('preset-russia-proportional').getAttribute('aria-pressed')).toBe('true');
    // The page's headline against the command line's "In brief" for the same scenario: the same
    // words, and each number within one unit of its last printed digit (Chromium's and Node's V8 may
    // differ in the last bit of a transcendental function).
    const sameBrief = async (args: string[]) => {
      const text = (await tab.getByTestId('headline-text').textContent()) as string;
      const cli = execFileSync(process.execPath, [BIN, 'run', ...args, '--compare', 'status-quo'], {
        encoding: 'utf8',
      });
      const brief = /^In brief: (.*)$/m.exec(cli)?.[1] as string;
      const numbers = (t: string) => [...t.matchAll(/[+−-]?[\d,]+(?:\.\d+)?/g)].map((m) => m[0]);
      const value = (n: string) => Number(n.replace(/,/g, '').replace('−', '-'));
      const unit = (n: string) => 10 ** -(n.split('.')[1] ?? '').length;
      const [a, b] = [numbers(text), numbers(brief)];
      expect(a.length).toBe(b.length);
      for (const [k, x] of a.entries())
        expect(Math.abs(value(x) - value(b[k] as string))).toBeLessThanOrEqual(unit(x) * 1.000001);
      expect(text.replace(/[\d,.+−-]/g, '')).toBe(brief.replace(/[\d,.+−-]/g, ''));
      return text;
    };
    const presetText = await sameBrief(['russia-proportional']);

    // A lever moved: the page runs the levers again and says so.
    const lever = tab.getByLabel('Pledge target', { exact: true });
    await lever.focus();
    await tab.keyboard.press('ArrowRight');
    await tab.waitForFunction(() => !window.location.hash.startsWith('#preset-'), null, { timeout: 10_000 });
    expect(await tab.getByTestId('preset-russia-proportional').getAttribute('aria-pressed')).toBe('false');
    await tab.waitForFunction(
      (old) => document.querySelector('[data-testid="headline-text"]')?.textContent !== old,
      presetText,
      { timeout: 30_000 },
    );
    // The headline after the move is what armsrace run prints for the YAML the page downloads.
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Download YAML' }).first().click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'armsrace-e2e-brief-'));
    writeFileSync(join(dir, 'page.yaml'), readFileSync((await download.path()) as string));
    await sameBrief([join(dir, 'page.yaml')]);

    // The method, the data's editions and the validation are on the page.
    expect(await tab.getByTestId('about-sources').textContent()).toContain('sipri-2026');
    expect(await tab.getByTestId('about-validation').textContent()).toMatch(/chosen out of sample/);

    // Pinning the run makes it the baseline: the charts that draw one are redrawn, the others are
    // not rebuilt (the same elements).
    await tab.evaluate((sel) => {
      for (const svg of document.querySelectorAll(`${sel} > div > svg`))
        (svg as { armsraceBefore?: boolean }).armsraceBefore = true;
    }, MAIN);
    await tab.getByRole('button', { name: 'Pin this run as the baseline' }).click();
    await tab.waitForFunction(
      () => document.querySelector('[data-testid="baseline-name"]')?.textContent !== 'Status quo, 2 % held',
      null,
      { timeout: 10_000 },
    );
    expect(await tab.getByTestId('headline-russia-burden-end').textContent()).toContain('±0.00 %');
    const redrawn = CHARTS.filter((c) => c.drawsBaseline).map((c) => c.id);
    expect(redrawn.length).toBeGreaterThan(0);
    await tab.waitForFunction(
      ([sel, ids]) =>
        ids.every(
          (id) =>
            (document.querySelector(`${sel}[data-chart="${id}"] > div > svg`) as { armsraceBefore?: boolean } | null)
              ?.armsraceBefore === undefined,
        ),
      [MAIN, redrawn] as const,
      { timeout: 10_000 },
    );
    const kept = await tab.evaluate(
      (sel) =>
        Object.fromEntries(
          [...document.querySelectorAll(sel)].map((f) => [
            f.getAttribute('data-chart'),
            (f.querySelector(':scope > div > svg') as { armsraceBefore?: boolean } | null)?.armsraceBefore === true,
          ]),
        ),
      MAIN,
    );
    expect(kept).toEqual(Object.fromEntries(CHARTS.map((c) => [c.id, !c.drawsBaseline])));
    await tab.close();
  }, 180_000);

  it('says when the run is unstable, as the command line does', async () => {
    // Allies answering Russia with ε = 1 and Russia answering with ε = 2: a race by 2035.
    const dataset = loadDataset();
    const fitted = fittedLevers(dataset.data.fitted);
    const defaults = leverDefaults(fitted);
    const values = { ...defaults, alliesElasticity: 1, rusElasticity: 2 };
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(`${server.url}#${encodeLevers(values, defaults)}`);
    await waitForCharts(tab);
    await tab.getByTestId('stability-notice').waitFor({ timeout: 30_000 });
    const notice = (await tab.getByTestId('stability-notice').textContent()) as string;
    const run = simulate(validateScenario(toScenario(values, { fitted })), dataset, { stabilityYears: [2035] });
    const margin = run.stability[0]?.margin as number;
    expect(margin).toBeGreaterThan(0);
    expect(notice).toContain(`in 2035 the stability margin is +${margin.toFixed(4)}/yr: a race between the blocs`);
    await tab.close();
  }, 120_000);

  it('works at a phone width: a header of one line, the charts first and readable, the levers a tab away', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url);
    await waitForCharts();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-390x844.png') });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(1);
    // The header is one line: its visible parts share a row no taller than a button and a bit.
    const header = await page.locator('header.top').evaluate((h) => ({
      height: h.getBoundingClientRect().height,
      tops: [...h.children]
        .filter((c) => c.getBoundingClientRect().height > 0)
        .map((c) => Math.round(c.getBoundingClientRect().top)),
    }));
    expect(header.height).toBeLessThanOrEqual(56);
    expect(Math.max(...header.tops) - Math.min(...header.tops)).toBeLessThanOrEqual(8);
    // The charts come first: the first one starts within the first screen and a half, not after the levers.
    const first = page.locator(`${MAIN}`).first();
    const top = await first.evaluate((f) => f.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(844 * 1.5);
    expect(await page.locator('#levers-panel').isVisible()).toBe(false);
    // Readable: a chart is drawn at least 480 px wide and shown at its size, scrolling sideways in its figure.
    const drawn = await page
      .locator(`${MAIN} .chart-host > svg`)
      .first()
      .evaluate((svg) => ({
        width: Number(svg.getAttribute('width')),
        shown: svg.getBoundingClientRect().width,
        host: (svg.parentElement as HTMLElement).clientWidth,
        scrolls: (svg.parentElement as HTMLElement).scrollWidth > (svg.parentElement as HTMLElement).clientWidth,
      }));
    expect(drawn.width).toBeGreaterThanOrEqual(480);
    expect(Math.abs(drawn.shown - drawn.width)).toBeLessThanOrEqual(1);
    expect(drawn.scrolls).toBe(drawn.width > drawn.host);
    await expectAccessible();
    // A data table scrolls in its own box, never the page.
    await page.getByRole('button', { name: 'Data table of "NATO allies\' military burden"' }).click();
    await page.locator('figure[data-chart="allies-burden"] table.data-table').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(1);
    const wrap = await page
      .locator('figure[data-chart="allies-burden"] .table-wrap')
      .evaluate((w) => w.getBoundingClientRect().right);
    expect(wrap).toBeLessThanOrEqual(390);
    await page.locator('figure[data-chart="allies-burden"]').screenshot({
      path: join(ARTIFACTS, 'dashboard-390x844-table.png'),
    });
    // The levers are a tab away, and work there.
    await page.getByRole('tab', { name: 'Levers' }).click();
    expect(await page.locator('#levers-panel').isVisible()).toBe(true);
    expect(await page.locator('#charts').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-390x844-levers.png') });
    await expectAccessible();
    const before = await chartsText();
    const lever = page.getByLabel('Pledge target', { exact: true });
    await lever.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      ([old, sel]) => [...document.querySelectorAll(`${sel} svg`)].map((s) => s.outerHTML).join('') !== old,
      [before, MAIN] as const,
      { timeout: 30_000 },
    );
    // The arrow keys move between the tabs.
    await page.getByRole('tab', { name: 'Levers' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#charts').isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it('logged no error in the page through all of the above', () => {
    expect(pageErrors).toEqual([]);
  });
});
