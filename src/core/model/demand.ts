import type { Dataset } from '../data/dataset.js';
import { observationAt } from '../data/dataset.js';
import { gdpPath } from '../data/gdp-path.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import type { Derivative } from '../solve/derivative.js';
import { perpetualInventory } from './capability.js';
import { greatCircleKm, proximityWeight } from './proximity.js';
import { warBurden } from './war.js';

/** Quantities derived from the state at one time, one entry per actor. */
export interface DemandSnapshot {
  readonly gdp: Float64Array;
  readonly spending: Float64Array;
  readonly threat: Float64Array;
  readonly spillIn: Float64Array;
  readonly target: Float64Array;
}

/**
 * The alliance-demand model of MODEL.md §2, compiled for speed: state `[s_1…s_n, K_1…K_n]`
 * (burdens as shares of GDP, capability stocks in million constant 2015 US$).
 */
export interface DemandModel {
  readonly n: number;
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
  /** The state at `start`. */
  readonly initialState: Float64Array;
  /** `b_i`, the baseline desired burden `s_i(t0) − w_i(t0)`. */
  readonly baseline: Float64Array;
  /** `Θ_i` and `Φ_i` the demand is normalised by (see {@link buildDemandModel}). */
  readonly threatReference: Float64Array;
  readonly spillInReference: Float64Array;
  /** Proximity weights `ω_ij`, row-major n×n. */
  readonly proximity: Float64Array;
  readonly derivative: Derivative;
  /** Fill `out` with the quantities derived from state `y` at time `t`. */
  snapshot(t: number, y: Float64Array, out: DemandSnapshot): void;
  /** Allocate buffers for {@link DemandModel.snapshot}. */
  createSnapshot(): DemandSnapshot;
  /** True when actor `i` is a NATO ally at time `t`. */
  isAlly(i: number, t: number): boolean;
}

/**
 * Compile the demand model for a resolved scenario over the dataset.
 *
 * Blocs: NATO allies (from their accession year, or a scenario's enlargement year), the Russian
 * bloc (Russia, Belarus) and NATO's partners (Ukraine), which Russia counts as adversaries.
 * An actor's threat `Θ_i` sums `ω_ij K_j` over its adversaries, its spill-in `Φ_i` over its allies.
 * Both are normalised by their value at the start with the blocs of the first period in which the
 * actor has adversaries (allies), so an actor that joins later never divides by zero.
 *
 * @throws {RangeError} when an actor has no GDP or burden data.
 */
export function buildDemandModel(scenario: ResolvedScenario, dataset: Dataset): DemandModel {
  const actors = scenario.actors;
  const n = actors.length;
  const codes = actors.map((a) => a.iso3);
  const { start, end, depreciation } = scenario;

  // GDP: log-linear between mid-year points, years start-1 … end+1 (plus history for capability).
  const firstGdpYear = start - 1;
  const years = end - start + 3;
  const lnGdp = new Float64Array(n * years);
  const paths = actors.map((a) =>
    gdpPath(dataset, a.iso3, {
      ...(scenario.usdInflation !== undefined ? { usdInflation: scenario.usdInflation } : {}),
      ...(a.longRunGrowth !== undefined ? { longRunGrowth: a.longRunGrowth } : {}),
    }),
  );
  paths.forEach((p, i) => {
    for (let k = 0; k < years; k++) {
      const v = p.at(firstGdpYear + k);
      if (v === undefined || !(v > 0)) throw new RangeError(`${codes[i]}: no GDP for ${firstGdpYear + k}`);
      lnGdp[i * years + k] = Math.log(v);
    }
  });
  const gdpAt = (i: number, t: number): number => {
    const p = t - 0.5 - firstGdpYear;
    let k = Math.floor(p);
    if (k < 0) k = 0;
    if (k > years - 2) k = years - 2;
    const a = lnGdp[i * years + k] as number;
    const b = lnGdp[i * years + k + 1] as number;
    return Math.exp(a + (p - k) * (b - a));
  };

  // Capability at the start by the perpetual inventory over the burden history.
  const initialState = new Float64Array(2 * n);
  actors.forEach((a, i) => {
    initialState[i] = a.startShare;
    const series = dataset.series(a.iso3, 'milex_share_gdp', scenario.burdenSource);
    const spending: number[] = [];
    let share: number | undefined;
    for (let y = series?.firstYear ?? start; y < start; y++) {
      share = observationAt(series ?? ({ firstYear: 0, values: [], flags: '' } as never), y)?.value ?? share;
      const gdp = paths[i]?.at(y);
      if (share !== undefined && gdp !== undefined) spending.push((share / 100) * gdp);
    }
    if (spending.length === 0) spending.push(a.startShare * gdpAt(i, start));
    initialState[n + i] = perpetualInventory(spending, depreciation, a.buildShare);
  });

  // Proximity weights.
  const proximity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ci = dataset.country(codes[i] as string)?.capital;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const cj = dataset.country(codes[j] as string)?.capital;
      if (ci === undefined || cj === undefined)
        throw new RangeError(`${codes[i]} or ${codes[j]}: no capital coordinates`);
      proximity[i * n + j] = proximityWeight(
        greatCircleKm(ci, cj),
        scenario.decayKm,
        (actors[j] as (typeof actors)[number]).floor,
      );
    }
  }

  // Periods between membership changes, each with its weighted adversary and ally matrices.
  const boundaries = [...new Set(actors.map((a) => a.joinsNato).filter((y) => y > start && y < end))].sort(
    (a, b) => a - b,
  );
  const periodStarts = [start, ...boundaries];
  const isAllyAt = (i: number, t: number) => t >= (actors[i] as (typeof actors)[number]).joinsNato;
  const adversaries: Float64Array[] = [];
  const allies: Float64Array[] = [];
  for (const t of periodStarts) {
    const adv = new Float64Array(n * n);
    const ally = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ai = actors[i] as (typeof actors)[number];
      const natoI = isAllyAt(i, t);
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const aj = actors[j] as (typeof actors)[number];
        const natoJ = isAllyAt(j, t);
        const hostile =
          ((natoI || (ai.partner && !natoI)) && aj.russianBloc) || (ai.russianBloc && (natoJ || aj.partner));
        const friendly = (natoI && natoJ) || (ai.russianBloc && aj.russianBloc);
        const w = proximity[i * n + j] as number;
        if (hostile) adv[i * n + j] = w;
        if (friendly) ally[i * n + j] = w;
      }
    }
    adversaries.push(adv);
    allies.push(ally);
  }
  const weighted = (m: Float64Array, k: Float64Array, i: number) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += (m[i * n + j] as number) * (k[n + j] as number);
    return s;
  };
  const threatReference = new Float64Array(n);
  const spillInReference = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const m of adversaries) {
      const v = weighted(m, initialState, i);
      if (v > 0) {
        threatReference[i] = v;
        break;
      }
    }
    for (const m of allies) {
      const v = weighted(m, initialState, i);
      if (v > 0) {
        spillInReference[i] = v;
        break;
      }
    }
  }

  const baseline = new Float64Array(n);
  actors.forEach((a, i) => {
    baseline[i] = a.startShare - warBurden(a.war, start);
  });

  // Flat parameter arrays for the hot loop.
  const eps = Float64Array.from(actors, (a) => a.elasticity);
  const eta = Float64Array.from(actors, (a) => a.spillIn);
  const speed = Float64Array.from(actors, (a) => a.speed);
  const kappa = Float64Array.from(actors, (a) => a.compliance);
  const phi = Float64Array.from(actors, (a) => a.buildShare);
  const sMin = Float64Array.from(actors, (a) => a.minShare);
  const sMax = Float64Array.from(actors, (a) => a.maxShare);
  const joins = Float64Array.from(actors, (a) => a.joinsNato);

  const periodAt = (t: number) => {
    let p = 0;
    while (p + 1 < periodStarts.length && t >= (periodStarts[p + 1] as number)) p++;
    return p;
  };

  // Pledges and war terms as flat arrays: the derivative runs thousands of times per run.
  const nPledges = Math.max(0, ...actors.map((a) => a.pledges.length));
  const pStart = new Float64Array(n * nPledges);
  const pTarget = new Float64Array(n * nPledges);
  const pFrom = new Float64Array(n * nPledges);
  const pBy = new Float64Array(n * nPledges);
  for (const [i, a] of actors.entries()) {
    for (const [k, p] of a.pledges.entries()) {
      pStart[i * nPledges + k] = p.startShare;
      pTarget[i * nPledges + k] = p.targetShare;
      pFrom[i * nPledges + k] = p.from;
      pBy[i * nPledges + k] = p.by;
    }
  }
  const warExtra = Float64Array.from(actors, (a) => a.war.extraShare);
  const warUntil = Float64Array.from(actors, (a) => a.war.until ?? Number.POSITIVE_INFINITY);
  const warFade = Float64Array.from(actors, (a) => a.war.fadeYears);

  /** `s*_i`: the clipped desired burden (MODEL.md §2); same as pledgePath and warBurden, inlined. */
  const desired = (i: number, t: number, theta: number, spill: number): number => {
    let u = baseline[i] as number;
    const e = eps[i] as number;
    const th0 = threatReference[i] as number;
    if (e !== 0 && th0 > 0) u *= (theta / th0) ** e;
    const h = eta[i] as number;
    const ph0 = spillInReference[i] as number;
    if (h !== 0 && ph0 > 0 && spill > 0) u *= (spill / ph0) ** -h;
    let pledge = Number.NEGATIVE_INFINITY;
    if (t >= (joins[i] as number)) {
      for (let k = i * nPledges; k < (i + 1) * nPledges; k++) {
        const from = pFrom[k] as number;
        const by = pBy[k] as number;
        const p0 = pStart[k] as number;
        const p1 = pTarget[k] as number;
        const p = t <= from ? p0 : t >= by ? p1 : p0 + ((p1 - p0) * (t - from)) / (by - from);
        if (p > pledge) pledge = p;
      }
    }
    let war = warExtra[i] as number;
    const until = warUntil[i] as number;
    if (t >= until) {
      const fade = warFade[i] as number;
      war = fade <= 0 ? 0 : war * Math.max(0, 1 - (t - until) / fade);
    }
    let target = u + (pledge > u ? (kappa[i] as number) * (pledge - u) : 0) + war;
    if (target < (sMin[i] as number)) target = sMin[i] as number;
    if (target > (sMax[i] as number)) target = sMax[i] as number;
    return target;
  };

  const derivative: Derivative = (t, y, out) => {
    const p = periodAt(t);
    const adv = adversaries[p] as Float64Array;
    const ally = allies[p] as Float64Array;
    for (let i = 0; i < n; i++) {
      let theta = 0;
      let spill = 0;
      for (let j = 0; j < n; j++) {
        const k = y[n + j] as number;
        theta += (adv[i * n + j] as number) * k;
        spill += (ally[i * n + j] as number) * k;
      }
      const s = y[i] as number;
      out[i] = (speed[i] as number) * (desired(i, t, theta, spill) - s);
      out[n + i] = (phi[i] as number) * s * gdpAt(i, t) - depreciation * (y[n + i] as number);
    }
  };

  const createSnapshot = (): DemandSnapshot => ({
    gdp: new Float64Array(n),
    spending: new Float64Array(n),
    threat: new Float64Array(n),
    spillIn: new Float64Array(n),
    target: new Float64Array(n),
  });

  const snapshot = (t: number, y: Float64Array, out: DemandSnapshot) => {
    const p = periodAt(t);
    for (let i = 0; i < n; i++) {
      const theta = weighted(adversaries[p] as Float64Array, y, i);
      const spill = weighted(allies[p] as Float64Array, y, i);
      const gdp = gdpAt(i, t);
      out.gdp[i] = gdp;
      out.spending[i] = (y[i] as number) * gdp;
      out.threat[i] = theta;
      out.spillIn[i] = spill;
      out.target[i] = desired(i, t, theta, spill);
    }
  };

  return {
    n,
    codes,
    start,
    end,
    initialState,
    baseline,
    threatReference,
    spillInReference,
    proximity,
    derivative,
    snapshot,
    createSnapshot,
    isAlly: isAllyAt,
  };
}
