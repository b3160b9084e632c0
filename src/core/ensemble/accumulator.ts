import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import { scenarioSettingsLine } from '../scenario/settings-line.js';
import { histogramQuantiles } from './histogram.js';
import { parameterLabel } from './parameter-label.js';
import { seriesDefinitions } from './series.js';
import { type ChunkSummary, type EnsembleResult, type EnsembleSetup, QUANTILES } from './types.js';

/**
 * Adds chunk summaries in chunk order whatever order they arrive in, holding only those that
 * arrive early: memory stays bounded however many members there are.
 */
export class EnsembleAccumulator {
  readonly #setup: EnsembleSetup;
  readonly #sums: Float64Array;
  readonly #events: Int32Array;
  readonly #waiting = new Map<number, ChunkSummary>();
  #next = 0;
  #members = 0;

  constructor(setup: EnsembleSetup) {
    this.#setup = setup;
    this.#sums = new Float64Array(setup.series.length * setup.years.length);
    this.#events = new Int32Array(setup.events.length);
  }

  /** Take one chunk's summary. */
  add(summary: ChunkSummary): void {
    this.#waiting.set(summary.chunk, summary);
    for (let c = this.#waiting.get(this.#next); c !== undefined; c = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next);
      for (let k = 0; k < this.#sums.length; k++) this.#sums[k] = (this.#sums[k] as number) + (c.sums[k] as number);
      for (let k = 0; k < this.#events.length; k++)
        this.#events[k] = (this.#events[k] as number) + (c.eventCounts[k] as number);
      this.#members += c.members;
      this.#next++;
    }
  }

  /** Members added so far in chunk order. */
  get members(): number {
    return this.#members;
  }

  /** The ensemble's result, with the histogram counts of every process added up. */
  result(runs: number, counts: Int32Array): EnsembleResult {
    if (this.#members !== runs || this.#waiting.size > 0)
      throw new RangeError(`chunks hold ${this.#members} members in order, expected ${runs}`);
    return summarize(this.#setup, runs, counts, this.#sums, this.#events);
  }
}

export function summarize(
  setup: EnsembleSetup,
  runs: number,
  counts: Int32Array,
  sums: Float64Array,
  events: Int32Array,
): EnsembleResult {
  const Y = setup.years.length;
  const defs = seriesDefinitions(setup.scenario);
  return {
    runs,
    seed: setup.seed,
    years: setup.years,
    series: defs.map((d, s) => {
      // One pass over each year's histogram gives its count (for the mean) and every quantile.
      const mean: (number | null)[] = [];
      const quantiles = QUANTILES.map(() => [] as (number | null)[]);
      const cell: number[] = [];
      for (let y = 0; y < Y; y++) {
        const c = s * Y + y;
        const valid = histogramQuantiles(counts, c, setup.centers[c] as number, QUANTILES, cell);
        mean.push(valid === 0 ? null : (sums[c] as number) / valid);
        for (const [j, list] of quantiles.entries()) list.push(valid === 0 ? null : (cell[j] as number));
      }
      return { name: d.name, unit: d.unit, mean, quantiles };
    }),
    events: setup.events.map((e, k) => {
      const p = (events[k] as number) / runs;
      return {
        name: e.name,
        probability: p,
        standardError: Math.sqrt((p * (1 - p)) / runs),
        count: events[k] as number,
      };
    }),
    uncertain: setup.uncertain.map((u) => u.path),
    gdpShocks: setup.gdpShockSd.some((s) => s > 0),
    burdenSource: setup.scenario.burdenSource,
    scenario: { name: setup.scenario.name, settings: scenarioSettingsLine(setup) },
    parameterLabels: parameterLabels(
      setup.scenario,
      setup.uncertain.map((u) => u.path),
    ),
  };
}

/**
 * Return each uncertain parameter's path in words, countries named as the scenario names them.
 *
 * @example parameterLabels(scenario, ['response.RUS.elasticity']) // { 'response.RUS.elasticity': "Russia's threat elasticity ε" }
 */
export function parameterLabels(scenario: ResolvedScenario, paths: readonly string[]): Record<string, string> {
  const nameOf = (iso3: string) => scenario.actors.find((a) => a.iso3 === iso3)?.name;
  return Object.fromEntries(paths.map((p) => [p, parameterLabel(p, nameOf)]));
}
