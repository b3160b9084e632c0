import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as stringifyInBrowser } from 'csv-stringify/browser/esm/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { toCsv } from '../../src/cli/format.js';
import { CHARTS } from '../../src/core/charts/charts.js';
import { downloadName, fileStem } from '../../src/core/charts/file-names.js';
import { scenarioSettingsLine } from '../../src/core/charts/source-note.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { resultRecords } from '../../src/core/result-records.js';
import { parseScenario, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { renderCharts } from '../../src/node/render-charts.js';
import { openStore } from '../../src/node/store.js';
import { createApp } from '../../src/server/app.js';
import {
  DEFAULT_LEVERS,
  decodeLevers,
  ENSEMBLE_SEED,
  encodeLevers,
  fittedLevers,
  fromScenario,
  type LeverValues,
  leverDefaults,
  toScenario,
} from '../../web/src/levers.js';

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
  const dataset = loadDataset();
  const fitted = fittedLevers(dataset.data.fitted);
  const defaults = leverDefaults(fitted);
  const moved: LeverValues = {
    ...defaults,
    pledgeTarget: 5,
    decayKm: 2000,
    joinUKR: true,
    yearUKR: 2032,
    complianceByAlly: { DEU: 1, ESP: 0.25 },
    alliesElasticity: 0.3,
    alliesSpillIn: 0.5,
    growthSet: true,
    growthAllies: 0.02,
    growthRUS: -0.01,
  };

  it('start from the committed fit, snapped to the levers’ steps', () => {
    expect(fitted).toBeDefined();
    const p = fitted as NonNullable<typeof fitted>;
    expect(Math.abs(defaults.rusElasticity - p.elasticity_RUS.estimate)).toBeLessThanOrEqual(0.025 + 1e-12);
    expect(Math.abs(defaults.alliesElasticity - p.elasticity.estimate)).toBeLessThanOrEqual(0.025 + 1e-12);
    expect(Math.abs(defaults.alliesSpillIn - p.spill_in.estimate)).toBeLessThanOrEqual(0.025 + 1e-12);
    expect(Math.abs(defaults.rusSpeed - p.speed_RUS.estimate)).toBeLessThanOrEqual(0.005 + 1e-12);
    expect(Math.abs(defaults.alliesSpeed - p.speed.estimate)).toBeLessThanOrEqual(0.005 + 1e-12);
    expect(defaults.rusElasticity).not.toBe(DEFAULT_LEVERS.rusElasticity);
  });

  it('make a valid scenario whose exported YAML runs to the same numbers', () => {
    const scenario = toScenario(moved, { name: 'from the page' });
    const direct = simulate(validateScenario(scenario), dataset);
    const viaYaml = simulate(parseScenario(stringify(scenario)), dataset);
    expect(viaYaml.actors.map((a) => a.burden)).toEqual(direct.actors.map((a) => a.burden));
    const deu = direct.actors.find((a) => a.iso3 === 'DEU');
    expect(direct.scenario.actors.find((a) => a.iso3 === 'DEU')?.compliance).toBe(1);
    expect(deu).toBeDefined();
  });

  it('read back from the scenario they make', () => {
    const { values, ignored } = fromScenario(
      parseScenario(stringify(toScenario(moved))) as Parameters<typeof fromScenario>[0],
      defaults,
    );
    expect(ignored).toEqual([]);
    expect(values).toEqual(moved);
  });

  it('name a binding compliance they cannot hold instead of reading it as a number', () => {
    const { values, ignored } = fromScenario(
      parseScenario('compliance: { default: binding, POL: binding }') as Parameters<typeof fromScenario>[0],
      defaults,
    );
    expect(ignored).toEqual(['compliance.default: binding', 'compliance.POL: binding']);
    expect(values.compliance).toBe(defaults.compliance);
    expect(values.complianceByAlly).toEqual({});
  });

  it('survive a shared link, and a damaged link falls back to the defaults', () => {
    expect(decodeLevers(encodeLevers(moved, defaults), defaults)).toEqual(moved);
    expect(encodeLevers(defaults, defaults)).toBe('');
    expect(decodeLevers('#not-base64-json!', defaults)).toEqual(defaults);
    const hostile = btoa(JSON.stringify({ complianceByAlly: { DEU: 7, 'x<y': 0.5, FRA: 0.5 }, pledgeTarget: 99 }));
    const decoded = decodeLevers(hostile, defaults);
    expect(decoded.complianceByAlly).toEqual({ FRA: 0.5 });
    expect(decoded.pledgeTarget).toBe(defaults.pledgeTarget);
  });

  it('turn the ensemble on with a block the ensemble runner accepts', () => {
    const scenario = validateScenario(toScenario({ ...moved, ensembleOn: true, ensembleRuns: 50 }, { fitted }));
    const result = runEnsemble(scenario, dataset, { runs: 50, seed: ENSEMBLE_SEED });
    expect(result.runs).toBe(50);
    expect(result.uncertain).toEqual(
      expect.arrayContaining(['response.RUS.elasticity', 'response.default.elasticity', 'response.default.spill_in']),
    );
    const rus = result.series.find((s) => s.name === 'RUS.burden');
    const last = (rus?.quantiles[4]?.length ?? 0) - 1;
    expect(rus?.quantiles[4]?.[last]).toBeGreaterThan(rus?.quantiles[0]?.[last] as number);
  });

  it('download the same CSV as `armsrace run --out`', () => {
    const result = simulate(validateScenario(toScenario(moved)), dataset);
    const records = resultRecords(result) as unknown as Record<string, unknown>[];
    expect(stringifyInBrowser(records, { header: true })).toBe(toCsv(records));
  });

  it("named as saved, give every chart a caption with the scenario's name and the levers' settings", () => {
    const result = simulate(validateScenario(toScenario(moved, { name: 'My pledge' })), dataset);
    for (const chart of CHARTS) {
      const caption = chart.spec(result).caption.join(' ');
      expect(caption).toContain(`Scenario “My pledge”: ${scenarioSettingsLine(result)}.`);
      expect(caption).toContain('pledge 5 % of GDP by');
    }
  });

  it('save each file under the command line’s name of it, after the scenario’s stem', () => {
    const result = simulate(validateScenario(toScenario(moved, { name: 'My pledge' })), dataset);
    const cli = renderCharts(result, { format: 'svg', only: ['allies-burden'] })[0]?.file;
    expect(cli).toBe('allies-burden.svg');
    expect(downloadName(result.scenario.name, cli as string)).toBe('my-pledge-allies-burden.svg');
    expect(fileStem(result.scenario.name)).toBe('my-pledge');
    expect(fileStem(simulate(validateScenario(toScenario(moved)), dataset).scenario.name)).toBe('armsrace');
    expect(fileStem('')).toBe('armsrace');
  });
});
