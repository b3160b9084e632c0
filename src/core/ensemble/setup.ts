import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { log } from '../math/elementary.js';
import { integrateAnnual, type KernelChoice, SAMPLES_PER_YEAR } from '../model/annual-means.js';
import { buildDemandModel, prepareDemandModel } from '../model/demand/index.js';
import { ScenarioError } from '../scenario/parse-scenario.js';
import { resolveScenario } from '../scenario/resolve-scenario.js';
import { percentText, type ScenarioInput } from '../scenario/schema.js';
import { checkMembers } from './chunk.js';
import { computeSeries, type SeriesDefinition, seriesDefinitions } from './series.js';
import { ENSEMBLE_STEP_YEARS, type EnsembleEvent, type EnsembleSetup, MAX_RUNS } from './types.js';
import { compileUncertain } from './uncertain.js';

export const SHOCK_FROM_YEAR = 2000;

export const SHOCK_TO_YEAR = 2019;

/** The default events when a scenario names none. */
export const DEFAULT_EVENTS: readonly EnsembleEvent[] = [
  { name: "Russia's burden above 10 % in any year", series: 'RUS.burden', above: 0.1, when: 'any' },
  { name: 'All allies at 3.5 % in 2035', series: 'allies_short_of_3.5', below: 0.5, when: 2035 },
];

/**
 * Prepare an ensemble: validate the uncertain parameters and events, run the deterministic
 * scenario to fix the histogram ranges, and measure each actor's GDP volatility.
 *
 * @throws {ScenarioError} for a bad uncertain path or distribution, or an unknown event series.
 */
export function prepareEnsemble(
  input: ScenarioInput,
  dataset: Dataset,
  options: { seed?: number; kernel?: KernelChoice } = {},
): EnsembleSetup {
  if (input.model === 'richardson') {
    throw new ScenarioError([
      {
        path: 'scenario.model',
        value: 'richardson',
        message: 'scenario.model: ensembles run the demand model; remove model: richardson',
      },
    ]);
  }
  const scenario = resolveScenario(input, dataset);
  const uncertain = compileUncertain(input, scenario, dataset.data.fitted);
  const defs = seriesDefinitions(scenario);
  const years = Array.from({ length: scenario.end - scenario.start }, (_, k) => scenario.start + k);
  const inRun = (e: EnsembleEvent) => {
    const y = 'stability' in e ? e.year : typeof e.when === 'number' ? e.when : undefined;
    return y === undefined || (y >= scenario.start && y < scenario.end);
  };
  // Default events outside the run are left out; a scenario's own are checked below.
  const events: EnsembleEvent[] = (input.ensemble?.events ?? DEFAULT_EVENTS.filter(inRun)).map((e, k) => {
    if ('stability' in e)
      return { name: e.name ?? `Stability margin positive in ${e.year}`, stability: 'positive', year: e.year };
    const share = (v: number | string | undefined) =>
      v === undefined ? undefined : typeof v === 'number' ? v : (percentText(v) ?? Number.NaN);
    const ev = e as {
      name?: string;
      series: string;
      above?: number | string;
      below?: number | string;
      when: 'any' | 'all' | number;
    };
    if (!defs.some((d) => d.name === ev.series)) {
      throw new ScenarioError([
        {
          path: `scenario.ensemble.events[${k}].series`,
          value: ev.series,
          message: `scenario.ensemble.events[${k}].series: "${ev.series}" is not a tracked series; use one of ${defs.map((d) => d.name).join(', ')}`,
        },
      ]);
    }
    const above = share(ev.above);
    const below = share(ev.below);
    return {
      name:
        ev.name ??
        `${ev.series} ${above !== undefined ? `above ${ev.above}` : `below ${ev.below}`} ${typeof ev.when === 'number' ? `in ${ev.when}` : ev.when === 'any' ? 'in any year' : 'in every year'}`,
      series: ev.series,
      ...(above !== undefined ? { above } : {}),
      ...(below !== undefined ? { below } : {}),
      when: ev.when,
    };
  });
  for (const [k, e] of events.entries()) {
    const year = 'stability' in e ? e.year : typeof e.when === 'number' ? e.when : undefined;
    if (year !== undefined && !years.includes(year) && !('stability' in e && year === scenario.end)) {
      throw new ScenarioError([
        {
          path: `scenario.ensemble.events[${k}]`,
          value: year,
          message: `scenario.ensemble.events[${k}]: year ${year} is outside the run ${scenario.start}–${scenario.end - 1}`,
        },
      ]);
    }
  }

  // GDP volatility: standard deviation of annual real growth, 2000–2019 (World Bank).
  const shocks = input.ensemble?.gdp_shocks ?? true;
  const gdpShockSd = Float64Array.from(scenario.actors, (a) => {
    if (!shocks) return 0;
    const g: number[] = [];
    for (let y = SHOCK_FROM_YEAR; y <= SHOCK_TO_YEAR; y++) {
      const now = dataset.observation(a.iso3, 'gdp_usd_constant', 'wdi-2026-02', y)?.value;
      const before = dataset.observation(a.iso3, 'gdp_usd_constant', 'wdi-2026-02', y - 1)?.value;
      if (now !== undefined && before !== undefined) g.push(log(now / before));
    }
    if (g.length < 2) return 0;
    const mean = g.reduce((s, v) => s + v, 0) / g.length;
    return Math.sqrt(g.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (g.length - 1));
  });
  const lastGdpDataYear = Math.max(
    ...scenario.actors.map((a) => {
      const s = dataset.series(a.iso3, 'gdp_usd_constant', 'wdi-2026-02');
      return s === undefined ? scenario.start : s.firstYear + s.values.length - 1;
    }),
  );

  // Range centres from the deterministic run.
  const prepared = prepareDemandModel(scenario, dataset);
  const model = buildDemandModel(scenario, dataset, { prepared });
  const kernel = options.kernel ?? 'auto';
  const annual = integrateAnnual(model, { ...ensembleStepping(input), kernel });
  const values = new Float64Array(defs.length * years.length);
  computeSeries(model, scenario, annual, defs, values);
  checkMembers(scenario, [], annual, values, 0);
  const centers = Float64Array.from(values, (v, c) => {
    const def = defs[Math.floor(c / years.length)] as SeriesDefinition;
    if (def.count) return 10;
    return Number.isFinite(v) && v > 0 ? v : def.name === 'race_intensity' ? 0.01 : 1;
  });
  return {
    input,
    kernel,
    scenario,
    dataset,
    prepared,
    seed: options.seed ?? input.ensemble?.seed ?? 1,
    uncertain,
    gdpShockSd,
    lastGdpDataYear,
    series: defs.map((d) => d.name),
    years,
    centers,
    events,
  };
}

/** @throws {InputError} `bad-runs` naming `runs` unless it is a whole number from 1 to {@link MAX_RUNS}. */
export function checkRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError(
      'bad-runs',
      `runs: ${runs} is not accepted; use a whole number of members from 1 to ${MAX_RUNS.toLocaleString('en-US')}, e.g. 1000`,
      'runs',
    );
  }
}

/**
 * The step and sampling of ensemble members: the scenario's `step_years`, else a quarter year; a
 * sample a step, up to the single run's twelve a year (more samples add nothing to an annual mean,
 * and a sample spacing just above the step would double the steps).
 */
export function ensembleStepping(input: ScenarioInput): { stepYears: number; solver: 'rk4'; samplesPerYear: number } {
  const step = input.step_years ?? ENSEMBLE_STEP_YEARS;
  return {
    stepYears: step,
    solver: 'rk4',
    samplesPerYear: Math.min(SAMPLES_PER_YEAR, Math.max(1, Math.round(1 / step))),
  };
}
