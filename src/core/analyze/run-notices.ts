import type { FittedDefaults } from '../data/fitted.js';
import type { SimulationResult } from '../simulate.js';

/** A burden that reached one of its bounds, where the model's dynamics are clipped. */
export interface BoundReached {
  readonly iso3: string;
  readonly name: string;
  readonly bound: 'upper' | 'lower';
  /** The bound, a share of GDP. */
  readonly value: number;
  /** First year whose annual mean lies within {@link BOUND_MARGIN} of the bound. */
  readonly year: number;
}

/** How close (relative) an annual burden must come to a bound to count as reaching it: 1 %. */
export const BOUND_MARGIN = 0.01;

/**
 * The actors whose annual burden reaches its upper bound `s_max` or its lower bound `s_min` (within
 * {@link BOUND_MARGIN}), with the first such year: beyond it the result is set by the bound, not by
 * the responses, and a reader should be told.
 *
 * @example boundsReached(simulate(parseScenario('response: { RUS: { elasticity: 5 } }'), loadDataset()))[0]?.iso3 // 'RUS'
 */
export function boundsReached(result: SimulationResult): BoundReached[] {
  const out: BoundReached[] = [];
  for (const a of result.actors) {
    const p = result.scenario.actors.find((x) => x.iso3 === a.iso3);
    if (p === undefined) continue;
    const hi = a.burden.findIndex((b) => b >= p.maxShare * (1 - BOUND_MARGIN));
    const lo = a.burden.findIndex((b) => b <= p.minShare * (1 + BOUND_MARGIN));
    if (hi >= 0)
      out.push({ iso3: a.iso3, name: a.name, bound: 'upper', value: p.maxShare, year: result.years[hi] as number });
    if (lo >= 0)
      out.push({ iso3: a.iso3, name: a.name, bound: 'lower', value: p.minShare, year: result.years[lo] as number });
  }
  return out;
}

/**
 * One sentence on how the default responses did out of sample, from `data/fitted.json`: the
 * specification and its RMSE against a random walk's at `horizon` years for the allies and Russia.
 * `undefined` without a committed fit.
 *
 * @example validationSentence(loadDataset().data.fitted) // 'Default responses russia-only, chosen out of sample: …'
 */
export function validationSentence(fitted: FittedDefaults | undefined, horizon = 5): string | undefined {
  const s = fitted?.selection;
  if (s === undefined) return undefined;
  const k = s.horizons.indexOf(horizon);
  if (k < 0) return undefined;
  const change = (g: 'allies' | 'russia') => {
    const r = (s.rmse[g].model[k] as number) / (s.rmse[g].random_walk[k] as number);
    const pct = Math.abs(100 * (1 - r)).toFixed(0);
    return r <= 1 ? `${pct} % below` : `${pct} % above`;
  };
  return `Default responses "${s.specification}", chosen out of sample (origins ${s.origins[0]}–${s.origins[s.origins.length - 1]}): RMSE ${horizon} years ahead ${change('allies')} a random walk's for the allies, ${change('russia')} for Russia (docs/validation.md; armsrace validate).`;
}
