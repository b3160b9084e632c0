import type { Dataset } from '../../data/dataset.js';
import type { Derivative } from '../../solve/derivative.js';
import { perpetualInventory } from '../capability.js';
import type { ResolvedScenario } from '../parameters.js';
import { warBurden } from '../war.js';
import { evaluate, observe } from './derive.js';
import { DemandKernel } from './kernel.js';
import { fillProximity, prepareDemandModel } from './prepare.js';
import { exposures } from './sums.js';
import { gdpOf } from './time-terms.js';
import type { Actor, DemandModel, DemandModelOptions, DemandSnapshot, MemberParameters } from './types.js';

/** The compiled kernel of every model {@link buildDemandModel} made, for the WebAssembly path. */
const kernels = new WeakMap<DemandModel, DemandKernel>();

/** The compiled kernel of a model from {@link buildDemandModel}; undefined for any other model. */
export function kernelOf(model: DemandModel): DemandKernel | undefined {
  return kernels.get(model);
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
 * @throws {RangeError} when an actor has no GDP or burden data, `members` is not a positive
 *   integer, or `prepared` was made for another scenario or dataset.
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
  const prepared = options.prepared ?? prepareDemandModel(scenario, dataset);
  if (prepared.scenario !== scenario || prepared.dataset !== dataset)
    throw new RangeError(
      'prepared: made for another scenario or dataset; pass prepareDemandModel(scenario, dataset) for this one',
    );
  const codes = actors.map((a) => a.iso3);
  const { start, end } = scenario;
  const { gdpFirstYear, gdpYears, distanceKm } = prepared;
  const P = prepared.pledgeCount;
  const nM = n * M;

  // Member parameters: the scenario's values in every member, then the caller's changes.
  const perActor = (value: (a: Actor) => number) => {
    const out = new Float64Array(nM);
    for (let i = 0; i < n; i++) out.fill(value(actors[i] as Actor), i * M, (i + 1) * M);
    return out;
  };
  const perPledge = (value: (p: Actor['pledges'][number]) => number) => {
    const out = new Float64Array(nM * P);
    for (let k = 0; k < P; k++) {
      for (let i = 0; i < n; i++) {
        const p = (actors[i] as Actor).pledges[k];
        out.fill(p === undefined ? Number.NEGATIVE_INFINITY : value(p), (k * n + i) * M, (k * n + i + 1) * M);
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
    binding: perActor((a) => (a.binding ? 1 : 0)),
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
  const { buildShare: phi, decayKm, depreciation, floor } = parameters;

  // Proximity weights: one matrix when every member has the same decay length and floors (the
  // scenario's own, prepared, or member 0's), else one per member, members innermost.
  let sharedProximity = true;
  for (let m = 1; m < M && sharedProximity; m++) {
    if (decayKm[m] !== decayKm[0]) sharedProximity = false;
    for (let i = 0; i < n && sharedProximity; i++) if (floor[i * M + m] !== floor[i * M]) sharedProximity = false;
  }
  let proximity: Float64Array;
  if (sharedProximity) {
    const scenarios = decayKm[0] === scenario.decayKm && actors.every((a, i) => floor[i * M] === a.floor);
    proximity = scenarios ? prepared.proximity : new Float64Array(n * n);
    if (!scenarios) fillProximity(n, distanceKm, decayKm[0] as number, floor, 0, M, proximity, 0, 1);
  } else {
    proximity = new Float64Array(n * n * M);
    for (let m = 0; m < M; m++) fillProximity(n, distanceKm, decayKm[m] as number, floor, m, M, proximity, m, M);
  }

  const kernel = new DemandKernel(n, M, prepared, parameters, proximity, sharedProximity);

  // Capability at the start by the perpetual inventory over the burden history (per member δ, φ;
  // the prepared value where they are the scenario's, the previous member's where they repeat).
  const initialState = new Float64Array(2 * nM);
  for (let i = 0; i < n; i++) {
    const a = actors[i] as Actor;
    const history = prepared.spendingHistory[i] as readonly number[];
    for (let m = 0; m < M; m++) {
      const o = i * M + m;
      const dm = depreciation[m] as number;
      const fo = phi[o] as number;
      initialState[o] = a.startShare;
      let capability: number;
      if (history.length === 0) {
        capability = perpetualInventory([a.startShare * gdpOf(kernel, i, m, start)], dm, fo);
      } else if (dm === scenario.depreciation && fo === a.buildShare) {
        capability = prepared.capability[i] as number;
      } else if (m > 0 && dm === depreciation[m - 1] && fo === phi[o - 1]) {
        capability = initialState[nM + o - 1] as number;
      } else {
        capability = perpetualInventory(history as number[], dm, fo);
      }
      initialState[nM + o] = capability;
    }
  }

  // References: Θ_i and Φ_i at the start, with the blocs of the first period that gives one.
  const threatReference = kernel.threatReference;
  const spillInReference = kernel.spillInReference;
  {
    const theta = new Float64Array(nM);
    const spill = new Float64Array(nM);
    for (let p = 0; p < prepared.periodStarts.length; p++) {
      exposures(kernel, p, initialState, theta, spill);
      for (let o = 0; o < nM; o++) {
        if (threatReference[o] === 0 && (theta[o] as number) > 0) threatReference[o] = theta[o] as number;
        if (spillInReference[o] === 0 && (spill[o] as number) > 0) spillInReference[o] = spill[o] as number;
      }
    }
  }
  // Baseline b = s(t0) − w(t0); each pledge path starts from it.
  const { warExtra, warUntil, warFade } = parameters;
  for (let o = 0; o < nM; o++) {
    kernel.baseline[o] =
      (initialState[o] as number) -
      warBurden(warExtra[o] as number, warUntil[o] as number, warFade[o] as number, start);
  }
  kernel.complete();

  const derivative: Derivative = (t, y, out) => {
    evaluate(kernel, t, y, kernel.theta, kernel.spill, out);
  };
  const createSnapshot = (): DemandSnapshot => ({
    gdp: new Float64Array(nM),
    spending: new Float64Array(nM),
    threat: new Float64Array(nM),
    spillIn: new Float64Array(nM),
    target: new Float64Array(nM),
  });
  const snapshot = (t: number, y: Float64Array, out: DemandSnapshot, dydt?: Float64Array) => {
    observe(kernel, t, y, out, dydt);
  };
  const joins = prepared.joins;

  const model: DemandModel = {
    n,
    members: M,
    codes,
    start,
    end,
    gdpFirstYear,
    gdpYears,
    initialState,
    parameters,
    baseline: kernel.baseline,
    threatReference,
    spillInReference,
    distanceKm,
    proximity,
    sharedProximity,
    derivative,
    snapshot,
    createSnapshot,
    isAlly: (i: number, t: number) => t >= (joins[i] as number),
  };
  kernels.set(model, kernel);
  return model;
}
