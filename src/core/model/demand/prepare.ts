import type { Dataset } from '../../data/dataset.js';
import { observationAt } from '../../data/dataset.js';
import { gdpPath } from '../../data/gdp-path.js';
import { exp, log } from '../../math/elementary.js';
import { type BlocStanding, relation } from '../blocs.js';
import { perpetualInventory } from '../capability.js';
import type { ResolvedScenario } from '../parameters.js';
import { greatCircleKm } from '../proximity.js';
import type { PreparedDemandModel } from './types.js';

/**
 * Prepare what every compilation of the demand model for this scenario and dataset shares.
 *
 * @throws {RangeError} when an actor has no GDP data or no capital coordinates.
 * @example prepareDemandModel(scenario, dataset).periodStarts[0] // scenario.start
 */
export function prepareDemandModel(scenario: ResolvedScenario, dataset: Dataset): PreparedDemandModel {
  const actors = scenario.actors;
  const n = actors.length;
  const codes = actors.map((a) => a.iso3);
  const { start, end } = scenario;

  // GDP: log-linear between mid-year points, years start-1 … end+1.
  const gdpFirstYear = start - 1;
  const gdpYears = end - start + 3;
  const lnGdp = new Float64Array(n * gdpYears);
  const paths = actors.map((a) =>
    gdpPath(dataset, a.iso3, {
      ...(scenario.usdInflation !== undefined ? { usdInflation: scenario.usdInflation } : {}),
      ...(a.longRunGrowth !== undefined ? { longRunGrowth: a.longRunGrowth } : {}),
    }),
  );
  for (const [i, p] of paths.entries()) {
    for (let k = 0; k < gdpYears; k++) {
      const v = p.at(gdpFirstYear + k);
      if (v === undefined || !(v > 0)) throw new RangeError(`${codes[i]}: no GDP for ${gdpFirstYear + k}`);
      lnGdp[i * gdpYears + k] = log(v);
    }
  }

  // Spending over the burden history, for the capability at the start (perpetual inventory).
  const spendingHistory = actors.map((a, i) => {
    const series = dataset.series(a.iso3, 'milex_share_gdp', scenario.burdenSource);
    const spending: number[] = [];
    let share: number | undefined;
    if (series !== undefined) {
      for (let y = series.firstYear; y < start; y++) {
        share = observationAt(series, y)?.value ?? share;
        const gdp = paths[i]?.at(y);
        if (share !== undefined && gdp !== undefined) spending.push((share / 100) * gdp);
      }
    }
    return spending;
  });
  const capability = Float64Array.from(actors, (a, i) => {
    const history = spendingHistory[i] as number[];
    return history.length > 0 ? perpetualInventory(history, scenario.depreciation, a.buildShare) : Number.NaN;
  });

  // Distances, and the proximity weights ω_ij = max(π_j, exp(−d_ij / D)) of the scenario.
  const distanceKm = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ci = dataset.country(codes[i] as string)?.capital;
    for (let j = 0; j < n; j++) {
      const cj = dataset.country(codes[j] as string)?.capital;
      if (ci === undefined || cj === undefined)
        throw new RangeError(`${codes[i]} or ${codes[j]}: no capital coordinates`);
      distanceKm[i * n + j] = greatCircleKm(ci, cj);
    }
  }
  const floors = Float64Array.from(actors, (a) => a.floor);
  const proximity = new Float64Array(n * n);
  fillProximity(n, distanceKm, scenario.decayKm, floors, 0, 1, proximity, 0, 1);

  // Periods between membership changes: which pairs are adversaries (+1) or allies (−1).
  const boundaries = [...new Set(actors.map((a) => a.joinsNato).filter((y) => y > start && y < end))].sort(
    (a, b) => a - b,
  );
  const periodStarts = Float64Array.from([start, ...boundaries]);
  const rows = Array.from(periodStarts, (t) => {
    const rel = new Int8Array(n * n);
    // Each actor's standing at t once (not a copy of the actor per pair).
    const standing = actors.map((a) => ({ ally: t >= a.joinsNato, russianBloc: a.russianBloc, partner: a.partner }));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        rel[i * n + j] = relation(standing[i] as BlocStanding, standing[j] as BlocStanding);
      }
    }
    const build = (sign: number) => {
      const rowStart = new Int32Array(n + 1);
      const column: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (rel[i * n + j] === sign) column.push(j);
        rowStart[i + 1] = column.length;
      }
      return { start: rowStart, column: Int32Array.from(column) };
    };
    return { hostile: build(1), friendly: build(-1) };
  });

  return {
    scenario,
    dataset,
    gdpFirstYear,
    gdpYears,
    lnGdp,
    spendingHistory,
    capability,
    distanceKm,
    proximity,
    periodStarts,
    rows,
    joins: Float64Array.from(actors, (a) => a.joinsNato),
    pledgeCount: Math.max(0, ...actors.map((a) => a.pledges.length)),
  };
}

/**
 * Write `ω_ij = max(π_j, exp(−d_ij / D))` (0 on the diagonal) into `out[(i·n + j)·stride + offset]`,
 * with the floors read at `floor[j·floorStride + floorOffset]`.
 */
export function fillProximity(
  n: number,
  distanceKm: Float64Array,
  decayKm: number,
  floor: Float64Array,
  floorOffset: number,
  floorStride: number,
  out: Float64Array,
  offset: number,
  stride: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = exp(-(distanceKm[i * n + j] as number) / decayKm);
      out[(i * n + j) * stride + offset] = Math.max(floor[j * floorStride + floorOffset] as number, w);
    }
  }
}
