import { log } from '../../math/elementary.js';
import { type SumRows, sumRowsOf } from './sums.js';
import type { MemberParameters, PreparedDemandModel } from './types.js';

/** Values per entry in {@link DemandKernel.entry}. */
export const ENTRY = 12;

/**
 * How far above its pledge path a binding entry's burden may be and still be held by the floor:
 * the rounding of a burden that follows the path (a few 1e-17) must not decide whether it does.
 */
export const BINDING_SLACK = 1e-12;

/**
 * Rate (1/years) at which a binding entry's burden below its pledge path returns to it, on top of
 * the path's slope. The exact solution never goes below a path it starts on; a burden gets there
 * when it joins the alliance below the path, or when an integration step crosses the path (the
 * floor switches on inside the step, which a fixed step cannot resolve). 2 keeps RK4 monotone for
 * any step up to a year (its factor over a step of h is ≥ 1/3 for 2h ≤ 2).
 */
export const FLOOR_RETURN = 2;

/**
 * Everything the inner loops read, in one object of fixed shape (so the compiled loops serve every
 * model): parameters, per-member constants expanded to every actor, scratch arrays, and the
 * quantities that depend on time alone (GDP, pledge paths, war terms) at the last time asked.
 */
export class DemandKernel {
  readonly nM: number;
  readonly gdpFirstYear: number;
  readonly gdpYears: number;
  readonly lnGdp: Float64Array;
  readonly gdpShock: Float64Array | undefined;
  readonly periodStarts: Float64Array;
  /** Per period, the adversary and ally rows laid out for the sums. */
  readonly sums: readonly { readonly hostile: SumRows; readonly friendly: SumRows }[];
  readonly joins: Float64Array;
  readonly pledgeCount: number;
  readonly pledgeTarget: Float64Array;
  readonly pledgeFrom: Float64Array;
  readonly pledgeBy: Float64Array;
  readonly warExtra: Float64Array;
  readonly warUntil: Float64Array;
  readonly warFade: Float64Array;
  readonly speed: Float64Array;
  readonly compliance: Float64Array;
  readonly binding: Float64Array;
  readonly buildShare: Float64Array;
  readonly minShare: Float64Array;
  readonly maxShare: Float64Array;
  /** Depreciation of member m at every entry `i·M + m`. */
  readonly depreciation: Float64Array;
  readonly baseline: Float64Array;
  readonly threatReference: Float64Array;
  readonly spillInReference: Float64Array;
  /** `ε` where the threat term applies (ε ≠ 0 and Θ₀ > 0), else 0; likewise `η` with Φ₀. */
  readonly threatElasticity: Float64Array;
  readonly spillInElasticity: Float64Array;
  /** ln Θ₀ and ln Φ₀ (0 where the reference is 0). */
  readonly lnThreat0: Float64Array;
  readonly lnSpill0: Float64Array;
  /**
   * The per-entry constants of the derivative interleaved, {@link ENTRY} values per entry `o` from
   * `o·ENTRY`: λ, φ, δ, b, ε (where it applies), η (likewise), ln Θ₀, ln Φ₀, κ, s_min, s_max, and
   * the reach of the pledge floor: {@link BINDING_SLACK} where the pledge binds, −∞ where it does
   * not (so `s − P ≤ reach` is the one test of whether the floor holds). One array instead of
   * twelve: V8 checks each typed array it reads from on every element.
   */
  readonly entry: Float64Array;
  readonly elasticity: Float64Array;
  readonly spillIn: Float64Array;
  /** ln Θ and ln Φ of the last sums (−∞ where a sum is 0), for {@link targets}. */
  readonly lnTheta: Float64Array;
  readonly lnSpill: Float64Array;
  readonly theta: Float64Array;
  readonly spill: Float64Array;
  readonly gdpNow: Float64Array;
  readonly pledgeNow: Float64Array;
  /**
   * `dP/dt` of the highest pledge path just before and just after the last time asked (they differ
   * only where the path bends: at its start and due year); 0 outside the path's from…by and where no
   * pledge applies.
   */
  readonly pledgeSlope: Float64Array;
  readonly pledgeSlopeAhead: Float64Array;
  readonly warNow: Float64Array;
  /** `s*` of the last evaluation. */
  readonly target: Float64Array;
  /** A derivative no one reads (a snapshot without `dydt`), the state's size. */
  readonly scratch: Float64Array;
  /**
   * Per actor, 1 when all members share its pledges, baseline and war terms: its pledge path and
   * war burden are then computed once per time for all of them.
   */
  readonly sharedTerms: Uint8Array;
  /** Per actor, 1 when all members share its constants in {@link DemandKernel.entry}. */
  readonly sharedEntry: Uint8Array;
  /**
   * Per actor, which logarithms and exponentials its derivative reads: bit 1 when a member has a
   * threat elasticity (it reads ln Θ), bit 2 when one has a spill-in elasticity (ln Φ). An actor
   * with neither has a desired burden of `b·exp(0) = b` in every member: its logarithms are never
   * read and its exponentials are exactly 1, so neither is computed (the results are the same bits).
   */
  readonly responds: Uint8Array;
  termsTime = Number.NaN;

  constructor(
    readonly n: number,
    readonly M: number,
    prepared: PreparedDemandModel,
    parameters: MemberParameters,
    readonly proximity: Float64Array,
    readonly sharedProximity: boolean,
  ) {
    const nM = n * M;
    this.nM = nM;
    this.gdpFirstYear = prepared.gdpFirstYear;
    this.gdpYears = prepared.gdpYears;
    this.lnGdp = prepared.lnGdp;
    this.gdpShock = parameters.gdpShock;
    this.periodStarts = prepared.periodStarts;
    this.sums = prepared.rows.map((r) => ({
      hostile: sumRowsOf(n, M, r.hostile, proximity, sharedProximity),
      friendly: sumRowsOf(n, M, r.friendly, proximity, sharedProximity),
    }));
    this.joins = prepared.joins;
    this.pledgeCount = prepared.pledgeCount;
    this.pledgeTarget = parameters.pledgeTarget;
    this.pledgeFrom = parameters.pledgeFrom;
    this.pledgeBy = parameters.pledgeBy;
    this.warExtra = parameters.warExtra;
    this.warUntil = parameters.warUntil;
    this.warFade = parameters.warFade;
    this.speed = parameters.speed;
    this.compliance = parameters.compliance;
    this.binding = parameters.binding;
    this.buildShare = parameters.buildShare;
    this.minShare = parameters.minShare;
    this.maxShare = parameters.maxShare;
    this.elasticity = parameters.elasticity;
    this.spillIn = parameters.spillIn;
    this.depreciation = new Float64Array(nM);
    for (let i = 0; i < n; i++) this.depreciation.set(parameters.depreciation, i * M);
    this.baseline = new Float64Array(nM);
    this.threatReference = new Float64Array(nM);
    this.spillInReference = new Float64Array(nM);
    this.threatElasticity = new Float64Array(nM);
    this.spillInElasticity = new Float64Array(nM);
    this.lnThreat0 = new Float64Array(nM);
    this.lnSpill0 = new Float64Array(nM);
    this.entry = new Float64Array(nM * ENTRY);
    this.lnTheta = new Float64Array(nM);
    this.lnSpill = new Float64Array(nM);
    this.theta = new Float64Array(nM);
    this.spill = new Float64Array(nM);
    this.gdpNow = new Float64Array(nM);
    this.pledgeNow = new Float64Array(nM);
    this.pledgeSlope = new Float64Array(nM);
    this.pledgeSlopeAhead = new Float64Array(nM);
    this.warNow = new Float64Array(nM);
    this.target = new Float64Array(nM);
    this.scratch = new Float64Array(2 * nM);
    this.sharedTerms = new Uint8Array(n);
    this.sharedEntry = new Uint8Array(n);
    this.responds = new Uint8Array(n);
  }

  /** Derive the constants of the demand term once the references are known. */
  complete(): void {
    const { n, M, nM } = this;
    const per = [this.baseline, this.warExtra, this.warUntil, this.warFade];
    for (let i = 0; i < n; i++) {
      const same = (a: Float64Array, o0: number) => {
        for (let o = o0 + 1; o < o0 + M; o++) if (!Object.is(a[o], a[o0])) return false;
        return true;
      };
      let shared = per.every((a) => same(a, i * M));
      for (let k = 0; shared && k < this.pledgeCount; k++) {
        const o0 = k * nM + i * M;
        shared = same(this.pledgeTarget, o0) && same(this.pledgeFrom, o0) && same(this.pledgeBy, o0);
      }
      this.sharedTerms[i] = shared ? 1 : 0;
    }
    for (let o = 0; o < this.nM; o++) {
      const theta0 = this.threatReference[o] as number;
      const spill0 = this.spillInReference[o] as number;
      const e = this.elasticity[o] as number;
      const h = this.spillIn[o] as number;
      this.threatElasticity[o] = e !== 0 && theta0 > 0 ? e : 0;
      this.spillInElasticity[o] = h !== 0 && spill0 > 0 ? h : 0;
      this.lnThreat0[o] = theta0 > 0 ? log(theta0) : 0;
      this.lnSpill0[o] = spill0 > 0 ? log(spill0) : 0;
      const q = o * ENTRY;
      this.entry[q] = this.speed[o] as number;
      this.entry[q + 1] = this.buildShare[o] as number;
      this.entry[q + 2] = this.depreciation[o] as number;
      this.entry[q + 3] = this.baseline[o] as number;
      this.entry[q + 4] = this.threatElasticity[o] as number;
      this.entry[q + 5] = this.spillInElasticity[o] as number;
      this.entry[q + 6] = this.lnThreat0[o] as number;
      this.entry[q + 7] = this.lnSpill0[o] as number;
      this.entry[q + 8] = this.compliance[o] as number;
      this.entry[q + 9] = this.minShare[o] as number;
      this.entry[q + 10] = this.maxShare[o] as number;
      this.entry[q + 11] = this.binding[o] !== 0 ? BINDING_SLACK : Number.NEGATIVE_INFINITY;
    }
    for (let i = 0; i < n; i++) {
      const q0 = i * M * ENTRY;
      let shared = true;
      for (let q = q0 + ENTRY; q < q0 + M * ENTRY && shared; q++)
        if (!Object.is(this.entry[q], this.entry[q0 + ((q - q0) % ENTRY)])) shared = false;
      this.sharedEntry[i] = shared ? 1 : 0;
      let bits = 0;
      for (let o = i * M; o < (i + 1) * M; o++) {
        if (this.entry[o * ENTRY + 4] !== 0) bits |= 1;
        if (this.entry[o * ENTRY + 5] !== 0) bits |= 2;
      }
      this.responds[i] = bits;
    }
    this.termsTime = Number.NaN;
  }
}
