import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { parseScenario, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { openStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';
import { DEFAULT_LEVERS, decodeLevers, encodeLevers, toScenario } from '../../web/src/levers.js';

// `npm test` builds the page first (npm run build → vite build into dist/web).
const webRoot = join(import.meta.dirname, '../../dist/web');
const store = openStore(join(mkdtempSync(join(tmpdir(), 'armsrace-web-')), 'armsrace.db'));
const app = createApp({ dataset: loadDataset(), store, webRoot });
afterAll(() => store.close());

describe('the built dashboard', () => {
  it('is served at / with its scripts, style and simulation worker', async () => {
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    const page = await app.request('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const r = await app.request(asset);
      expect(r.status, asset).toBe(200);
    }
    const main = readFileSync(join(webRoot, assets.find((a) => a.endsWith('.js')) as string), 'utf8');
    const worker = /sim\.worker-[\w-]+\.js/.exec(main)?.[0];
    expect(worker).toBeDefined();
    expect((await app.request(`/assets/${worker}`)).status).toBe(200);
  });
});

describe('the levers of the dashboard', () => {
  const moved = { ...DEFAULT_LEVERS, pledgeTarget: 5, decayKm: 2000, joinUKR: true, yearUKR: 2032 };

  it('make a valid scenario whose exported YAML runs to the same numbers', () => {
    const scenario = toScenario(moved, 'from the page');
    const direct = simulate(validateScenario(scenario), loadDataset());
    const viaYaml = simulate(parseScenario(stringify(scenario)), loadDataset());
    expect(viaYaml.actors.map((a) => a.burden)).toEqual(direct.actors.map((a) => a.burden));
  });

  it('survive a shared link', () => {
    expect(decodeLevers(encodeLevers(moved))).toEqual(moved);
  });
});
