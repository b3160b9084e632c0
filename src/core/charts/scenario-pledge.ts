import type { SimulationResult } from '../simulate.js';
import { meetsThreshold } from '../threshold.js';

/** The thresholds the burden charts always draw and count, % of GDP. */
const STANDARD_PERCENTS = [2, 3.5] as const;

/** The scenario's own pledge when it is not one of the standard lines. */
export interface ScenarioPledge {
  /** Target, % of GDP. */
  readonly percent: number;
  /** Year it falls due. */
  readonly by: number;
  /** Allies at or above it each year, counted by {@link meetsThreshold}. */
  readonly counts: readonly number[];
}

/**
 * The highest pledge the scenario sets its allies, when it is neither 2 % nor 3.5 % (those lines
 * are always drawn and counted): the charts draw and count it too, so a 4 % lever shows 4 %.
 *
 * @example scenarioPledge(simulate(parseScenario('pledges: [{ target: 4%, by: 2032 }]'), loadDataset()))?.percent // 4
 */
export function scenarioPledge(result: SimulationResult): ScenarioPledge | undefined {
  let best: { targetShare: number; by: number } | undefined;
  for (const a of result.scenario.actors)
    for (const p of a.pledges) if (best === undefined || p.targetShare > best.targetShare) best = p;
  if (best === undefined) return undefined;
  const percent = Math.round(best.targetShare * 100 * 1e6) / 1e6;
  if (STANDARD_PERCENTS.some((s) => Math.abs(s - percent) < 1e-9)) return undefined;
  const counts = result.years.map(
    (_, k) =>
      result.actors.filter((a) => a.ally[k] === true && meetsThreshold(100 * (a.burden[k] as number), percent)).length,
  );
  return { percent, by: best.by, counts };
}
