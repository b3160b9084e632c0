import type { Dataset } from '../data/dataset.js';
import { observationAt } from '../data/dataset.js';
import { gdpPath } from '../data/gdp-path.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import type { Derivative } from '../solve/derivative.js';
import { relation } from './blocs.js';
import { perpetualInventory } from './capability.js';
import { pledgePath } from './pledge-path.js';
import { greatCircleKm } from './proximity.js';
import { warBurden } from './war.js';

/** Quantities derived from the state at one time, one entry per member and actor (`m·n + i`). */
export interface DemandSnapshot {
  readonly gdp: Float64Array;
  readonly spending: Float64Array;
  readonly threat: Float64Array;
  readonly spillIn: Float64Array;
  readonly target: Float64Array;
}

/**
 * The parameters of every member of a run, member-major: entry `m·n + i` belongs to member `m` and
 * actor `i` (M = 1 for a single run). Pledge arrays are `(m·n + i)·P + k` for pledge `k`.
 */
export interface MemberParameters {
  readonly members: number;
  readonly pledgeCount: number;
  readonly elasticity: Float64Array;
  readonly spillIn: Float64Array;
  readonly speed: Float64Array;
  readonly compliance: Float64Array;
  readonly buildShare: Float64Array;
  readonly floor: Float64Array;
  readonly minShare: Float64Array;
  readonly maxShare: Float64Array;
  readonly warExtra: Float64Array;
  /** Year the war ends; `Infinity` while it is ongoing. */
  readonly warUntil: Float64Array;
  readonly warFade: Float64Array;
  readonly pledgeTarget: Float64Array;
  readonly pledgeFrom: Float64Array;
  readonly pledgeBy: Float64Array;
  /** Per member: decay length `D` (km) and depreciation `δ` (1/years). */
  readonly decayKm: Float64Array;
  readonly depreciation: Float64Array;
  /** Log-GDP offsets per member, actor and year, `(m·n + i)·Y + y`, added to the GDP path; optional. */
  readonly gdpShock: Float64Array | undefined;
}

/**
 * The alliance-demand model of MODEL.md §2, compiled for speed over M members in flat
 * `Float64Array`s, member-major: member `m` owns the state slice `[s_1…s_n, K_1…K_n]` at `m·2n`
 * (burdens as shares of GDP, capability stocks in million constant 2015 US$), so each member's
 * sums over its adversaries and allies are tight reductions. A single run has M = 1.
 */
export interface DemandModel {
  readonly n: number;
  readonly members: number;
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
  /** First year of the GDP table and its number of years (for GDP shocks). */
  readonly gdpFirstYear: number;
  readonly gdpYears: number;
  /** The state at `start`. */
  readonly initialState: Float64Array;
  readonly parameters: MemberParameters;
  /** `b_i`, the baseline desired burden `s_i(t0) − w_i(t0)`, per actor and member. */
  readonly baseline: Float64Array;
  /** `Θ_i` and `Φ_i` the demand is normalised by (see {@link buildDemandModel}), per actor and member. */
  readonly threatReference: Float64Array;
  readonly spillInReference: Float64Array;
  /** Great-circle distances between capitals, km, row-major n×n. */
  readonly distanceKm: Float64Array;
  readonly derivative: Derivative;
  /** Fill `out` with the quantities derived from state `y` at time `t`. */
  snapshot(t: number, y: Float64Array, out: DemandSnapshot): void;
  /** Allocate buffers for {@link DemandModel.snapshot}. */
  createSnapshot(): DemandSnapshot;
  /** True when actor `i` is a NATO ally at time `t`. */
  isAlly(i: number, t: number): boolean;
}

/** Options of {@link buildDemandModel}. */
export interface DemandModelOptions {
  /** Members run side by side (default 1). */
  readonly members?: number;
  /**
   * Change members' parameters before the model derives its references (baseline burdens,
   * proximity weights, threat normalisation): the hook of ensembles.
   */
  readonly configure?: (parameters: MemberParameters) => void;
  /** Log-GDP offsets, `(m·n + i)·gdpYears + y` (see {@link DemandModel.gdpYears}). */
  readonly gdpShock?: (model: {
    n: number;
    gdpFirstYear: number;
    gdpYears: number;
    members: number;
  }) => Float64Array | undefined;
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
 * @throws {RangeError} when an actor has no GDP or burden data, or `members` is not a positive integer.
 */
export function buildDemandModel(
  scenario: ResolvedScenario,
  dataset: Dataset,
  options: DemandModelOptions = {},
): DemandModel {
  const actors = scenario.actors;
  const n = actors.length;
  const M = options.members ?? 1;
  if (!Number.isInteger(M) || M < 1) throw new RangeError(`members: ${M} must be a positive whole number`);
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
      lnGdp[i * gdpYears + k] = Math.log(v);
    }
  }

  // Member parameters: the scenario's values in every member, then the caller's changes.
  const P = Math.max(0, ...actors.map((a) => a.pledges.length));
  const perActor = (value: (a: (typeof actors)[number]) => number) => {
    const out = new Float64Array(n * M);
    for (let i = 0; i < n; i++) {
      const v = value(actors[i] as (typeof actors)[number]);
      for (let m = 0; m < M; m++) out[m * n + i] = v;
    }
    return out;
  };
  const perPledge = (value: (p: (typeof actors)[number]['pledges'][number]) => number) => {
    const out = new Float64Array(n * P * M);
    for (let i = 0; i < n; i++) {
      const a = actors[i] as (typeof actors)[number];
      for (let k = 0; k < P; k++) {
        const p = a.pledges[k];
        const v = p === undefined ? Number.NEGATIVE_INFINITY : value(p);
        for (let m = 0; m < M; m++) out[(m * n + i) * P + k] = v;
      }
    }
    return out;
  };
  const parameters: MemberParameters = {
    members: M,
    pledgeCount: P,
    elasticity: perActor((a) => a.elasticity),
    spillIn: perActor((a) => a.spillIn),
    speed: perActor((a) => a.speed),
    compliance: perActor((a) => a.compliance),
    buildShare: perActor((a) => a.buildShare),
    floor: perActor((a) => a.floor),
    minShare: perActor((a) => a.minShare),
    maxShare: perActor((a) => a.maxShare),
    warExtra: perActor((a) => a.war.extraShare),
    warUntil: perActor((a) => a.war.until ?? Number.POSITIVE_INFINITY),
    warFade: perActor((a) => a.war.fadeYears),
    pledgeTarget: perPledge((p) => p.targetShare),
    pledgeFrom: perPledge((p) => p.from),
    pledgeBy: perPledge((p) => p.by),
    decayKm: new Float64Array(M).fill(scenario.decayKm),
    depreciation: new Float64Array(M).fill(scenario.depreciation),
    gdpShock: options.gdpShock?.({ n, gdpFirstYear, gdpYears, members: M }),
  };
  options.configure?.(parameters);
  const {
    elasticity: eps,
    spillIn: eta,
    speed,
    compliance: kappa,
    buildShare: phi,
    minShare: sMin,
    maxShare: sMax,
    warExtra,
    warUntil,
    warFade,
    pledgeTarget,
    pledgeFrom,
    pledgeBy,
    decayKm,
    depreciation,
    gdpShock,
  } = parameters;

  const warAt = (o: number, t: number): number =>
    warBurden(warExtra[o] as number, warUntil[o] as number, warFade[o] as number, t);

  const shock = (i: number, k: number, m: number) =>
    gdpShock === undefined ? 0 : (gdpShock[(m * n + i) * gdpYears + k] as number);
  /** Real GDP of actor i, member m at time t: log-linear between mid-year points. */
  const gdpAt = (i: number, m: number, t: number): number => {
    const p = t - 0.5 - gdpFirstYear;
    let k = Math.floor(p);
    if (k < 0) k = 0;
    if (k > gdpYears - 2) k = gdpYears - 2;
    const a = (lnGdp[i * gdpYears + k] as number) + shock(i, k, m);
    const b = (lnGdp[i * gdpYears + k + 1] as number) + shock(i, k + 1, m);
    return Math.exp(a + (p - k) * (b - a));
  };

  // Capability at the start by the perpetual inventory over the burden history (per member δ, φ).
  const initialState = new Float64Array(2 * n * M);
  for (let i = 0; i < n; i++) {
    const a = actors[i] as (typeof actors)[number];
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
    for (let m = 0; m < M; m++) {
      const history = spending.length > 0 ? spending : [a.startShare * gdpAt(i, m, start)];
      initialState[m * 2 * n + i] = a.startShare;
      initialState[m * 2 * n + n + i] = perpetualInventory(
        history,
        depreciation[m] as number,
        phi[m * n + i] as number,
      );
    }
  }

  // Distances, and per member the proximity weights ω_ij = max(π_j, exp(−d_ij / D)).
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
  const weight = new Float64Array(n * n * M);
  for (let m = 0; m < M; m++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const floor = parameters.floor[m * n + j] as number;
        const w = Math.exp(-(distanceKm[i * n + j] as number) / (decayKm[m] as number));
        weight[m * n * n + i * n + j] = Math.max(floor, w);
      }
    }
  }

  // Periods between membership changes: which pairs are adversaries (+1) or allies (−1).
  const boundaries = [...new Set(actors.map((a) => a.joinsNato).filter((y) => y > start && y < end))].sort(
    (a, b) => a - b,
  );
  const periodStarts = [start, ...boundaries];
  const isAlly = (i: number, t: number) => t >= (actors[i] as (typeof actors)[number]).joinsNato;
  const relations: Int8Array[] = periodStarts.map((t) => {
    const rel = new Int8Array(n * n);
    for (let i = 0; i < n; i++) {
      const ai = actors[i] as (typeof actors)[number];
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const aj = actors[j] as (typeof actors)[number];
        rel[i * n + j] = relation({ ...ai, ally: isAlly(i, t) }, { ...aj, ally: isAlly(j, t) });
      }
    }
    return rel;
  });
  // Per period, each actor's adversaries and allies as compressed rows (start offsets, columns).
  const rows = relations.map((rel) => {
    const build = (sign: number) => {
      const start = new Int32Array(n + 1);
      const column: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (rel[i * n + j] === sign) column.push(j);
        start[i + 1] = column.length;
      }
      return { start, column: Int32Array.from(column) };
    };
    return { hostile: build(1), friendly: build(-1) };
  });

  /** Θ and Φ of every member and actor for state y in period p: per member, tight reductions. */
  const exposures = (p: number, y: Float64Array, theta: Float64Array, spill: Float64Array) => {
    const { hostile, friendly } = rows[p] as (typeof rows)[number];
    const hs = hostile.start;
    const hc = hostile.column;
    const fs = friendly.start;
    const fc = friendly.column;
    const w = weight;
    const nn = n;
    for (let m = 0; m < M; m++) {
      const k = m * 2 * nn + nn;
      for (let i = 0; i < nn; i++) {
        const row = m * nn * nn + i * nn;
        let th = 0;
        const h1 = hs[i + 1] as number;
        for (let q = hs[i] as number; q < h1; q++) {
          const j = hc[q] as number;
          th += (w[row + j] as number) * (y[k + j] as number);
        }
        let sp = 0;
        const f1 = fs[i + 1] as number;
        for (let q = fs[i] as number; q < f1; q++) {
          const j = fc[q] as number;
          sp += (w[row + j] as number) * (y[k + j] as number);
        }
        theta[m * nn + i] = th;
        spill[m * nn + i] = sp;
      }
    }
  };

  // References: Θ_i and Φ_i at the start, with the blocs of the first period that gives one.
  const threatReference = new Float64Array(n * M);
  const spillInReference = new Float64Array(n * M);
  {
    const theta = new Float64Array(n * M);
    const spill = new Float64Array(n * M);
    for (let p = 0; p < periodStarts.length; p++) {
      exposures(p, initialState, theta, spill);
      for (let o = 0; o < n * M; o++) {
        if (threatReference[o] === 0 && (theta[o] as number) > 0) threatReference[o] = theta[o] as number;
        if (spillInReference[o] === 0 && (spill[o] as number) > 0) spillInReference[o] = spill[o] as number;
      }
    }
  }

  // Baseline b = s(t0) − w(t0); each pledge path starts from it.
  const baseline = new Float64Array(n * M);
  for (let m = 0; m < M; m++) {
    for (let i = 0; i < n; i++) baseline[m * n + i] = (initialState[m * 2 * n + i] as number) - warAt(m * n + i, start);
  }

  const joins = Float64Array.from(actors, (a) => a.joinsNato);
  const theta = new Float64Array(n * M);
  const spill = new Float64Array(n * M);

  const periodAt = (t: number) => {
    let p = 0;
    while (p + 1 < periodStarts.length && t >= (periodStarts[p + 1] as number)) p++;
    return p;
  };

  /** `s*`: the clipped desired burden of actor i, member m (MODEL.md §2). */
  // Logs of the references, so the demand is one exp: u = b·exp(ε(ln Θ − ln Θ₀) − η(ln Φ − ln Φ₀)).
  const lnThreat0 = Float64Array.from(threatReference, (v) => (v > 0 ? Math.log(v) : 0));
  const lnSpill0 = Float64Array.from(spillInReference, (v) => (v > 0 ? Math.log(v) : 0));
  const desired = (i: number, m: number, t: number, th: number, sp: number): number => {
    const o = m * n + i;
    const b = baseline[o] as number;
    const e = eps[o] as number;
    const h = eta[o] as number;
    let exponent = 0;
    if (e !== 0 && (threatReference[o] as number) > 0) exponent += e * (Math.log(th) - (lnThreat0[o] as number));
    if (h !== 0 && (spillInReference[o] as number) > 0 && sp > 0)
      exponent -= h * (Math.log(sp) - (lnSpill0[o] as number));
    const u = exponent === 0 ? b : b * Math.exp(exponent);
    let pledge = Number.NEGATIVE_INFINITY;
    if (P > 0 && t >= (joins[i] as number)) {
      for (let q = o * P; q < o * P + P; q++) {
        const p = pledgePath(b, pledgeTarget[q] as number, pledgeFrom[q] as number, pledgeBy[q] as number, t);
        if (p > pledge) pledge = p;
      }
    }
    let target = u + (pledge > u ? (kappa[o] as number) * (pledge - u) : 0) + warAt(o, t);
    const lo = sMin[o] as number;
    const hi = sMax[o] as number;
    if (target < lo) target = lo;
    if (target > hi) target = hi;
    return target;
  };

  // GDP of every member and actor at the last time asked: RK4 asks each time twice (its two
  // middle stages share one, and a step's last stage is the next step's first).
  const gdpNow = new Float64Array(n * M);
  let gdpTime = Number.NaN;
  const gdpAll = (t: number): Float64Array => {
    if (t !== gdpTime) {
      for (let m = 0; m < M; m++) for (let i = 0; i < n; i++) gdpNow[m * n + i] = gdpAt(i, m, t);
      gdpTime = t;
    }
    return gdpNow;
  };

  const derivative: Derivative = (t, y, out) => {
    exposures(periodAt(t), y, theta, spill);
    const gdp = gdpAll(t);
    for (let m = 0; m < M; m++) {
      const base = m * 2 * n;
      const dm = depreciation[m] as number;
      for (let i = 0; i < n; i++) {
        const o = m * n + i;
        const s = y[base + i] as number;
        out[base + i] = (speed[o] as number) * (desired(i, m, t, theta[o] as number, spill[o] as number) - s);
        out[base + n + i] = (phi[o] as number) * s * (gdp[o] as number) - dm * (y[base + n + i] as number);
      }
    }
  };

  const createSnapshot = (): DemandSnapshot => ({
    gdp: new Float64Array(n * M),
    spending: new Float64Array(n * M),
    threat: new Float64Array(n * M),
    spillIn: new Float64Array(n * M),
    target: new Float64Array(n * M),
  });

  const snapshot = (t: number, y: Float64Array, out: DemandSnapshot) => {
    exposures(periodAt(t), y, out.threat, out.spillIn);
    for (let m = 0; m < M; m++) {
      for (let i = 0; i < n; i++) {
        const o = m * n + i;
        const gdp = gdpAll(t)[o] as number;
        out.gdp[o] = gdp;
        out.spending[o] = (y[m * 2 * n + i] as number) * gdp;
        out.target[o] = desired(i, m, t, out.threat[o] as number, out.spillIn[o] as number);
      }
    }
  };

  return {
    n,
    members: M,
    codes,
    start,
    end,
    gdpFirstYear,
    gdpYears,
    initialState,
    parameters,
    baseline,
    threatReference,
    spillInReference,
    distanceKm,
    derivative,
    snapshot,
    createSnapshot,
    isAlly,
  };
}
