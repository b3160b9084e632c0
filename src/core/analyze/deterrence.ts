/**
 * Strategic deterrence in the plane of two nuclear inventories, a linear simplification after
 * Intriligator & Brito (1984), "Can arms races lead to the outbreak of war?", Journal of Conflict
 * Resolution 28(1): 63–84.
 *
 * Side A's warheads are `x`, side B's `y`. A first strike by B with all its warheads destroys
 * `exchangeB` of A's warheads per warhead fired; A retaliates with what survives, `x − f_B·y`.
 *
 * - A deters B when A's survivors can still inflict unacceptable damage: `x − f_B·y ≥ Ū_A`.
 * - B deters A when `y − f_A·x ≥ Ū_B`.
 * - A may initiate a war when B's survivors could do no more damage than A accepts:
 *   `y − f_A·x ≤ Â_A` (and B may initiate when `x − f_B·y ≤ Â_B`).
 *
 * Mutual deterrence is the cone where both deter; its vertex, the smallest pair of forces that
 * deters both ways, is `x* = (Ū_A + f_B·Ū_B)/(1 − f_A·f_B)`, `y* = (Ū_B + f_A·Ū_A)/(1 − f_A·f_B)`,
 * and it exists only when `f_A·f_B < 1`. The model counts warheads, not delivery systems, and
 * ignores the share of a force that a first strike cannot reach (submarines at sea): every
 * parameter is an assumption, visible and documented in `docs/claims.md`.
 */

/** The assumptions of the deterrence model; warheads throughout. */
export interface DeterrenceParameters {
  /** `Ū_A`: warheads A must deliver in retaliation to inflict damage B finds unacceptable. */
  readonly retaliationNeededA: number;
  /** `Ū_B`: warheads B must deliver in retaliation to inflict damage A finds unacceptable. */
  readonly retaliationNeededB: number;
  /** `Â_A`: retaliatory warheads A would accept in exchange for striking first (below `Ū_B`). */
  readonly acceptedByA: number;
  /** `Â_B`: retaliatory warheads B would accept in exchange for striking first (below `Ū_A`). */
  readonly acceptedByB: number;
  /** `f_A`: B's warheads destroyed per warhead A fires in a first strike. */
  readonly exchangeA: number;
  /** `f_B`: A's warheads destroyed per warhead B fires in a first strike. */
  readonly exchangeB: number;
}

/**
 * Default assumptions (documented in `docs/claims.md`): 400 warheads for unacceptable damage,
 * after McNamara's assured-destruction criterion of 400 one-megaton equivalents (Enthoven & Smith
 * 1971, *How Much Is Enough?*); no retaliation accepted (Bundy 1969: even one bomb on one city
 * would be "a catastrophic blunder"); half a warhead destroyed per warhead fired (two warheads
 * aimed at each target, one warhead per target).
 */
export const DEFAULT_DETERRENCE: DeterrenceParameters = {
  retaliationNeededA: 400,
  retaliationNeededB: 400,
  acceptedByA: 0,
  acceptedByB: 0,
  exchangeA: 0.5,
  exchangeB: 0.5,
};

/** The regions of the plane. */
export type DeterrenceRegion =
  | 'mutual-deterrence'
  | 'only-a-deters'
  | 'only-b-deters'
  | 'war-initiation'
  | 'no-deterrence';

/** Where one pair of inventories sits. */
export interface DeterrencePosition {
  readonly region: DeterrenceRegion;
  /** A's second-strike surplus `x − f_B·y − Ū_A` (≥ 0: A deters B), warheads. */
  readonly surplusA: number;
  /** B's second-strike surplus `y − f_A·x − Ū_B` (≥ 0: B deters A), warheads. */
  readonly surplusB: number;
  readonly aDeters: boolean;
  readonly bDeters: boolean;
  readonly aMayInitiate: boolean;
  readonly bMayInitiate: boolean;
}

/** A boundary line of the regions: `y = intercept + slope·x` (`of: 'x'`) or `x = intercept + slope·y` (`of: 'y'`). */
export interface DeterrenceBoundary {
  readonly id: 'a-deters' | 'b-deters' | 'a-may-initiate' | 'b-may-initiate';
  readonly of: 'x' | 'y';
  readonly intercept: number;
  readonly slope: number;
}

/**
 * Check the parameters and fill the missing ones with {@link DEFAULT_DETERRENCE}.
 *
 * @throws {RangeError} for a negative or non-finite value, or an accepted retaliation not below
 *   the opponent's unacceptable-damage threshold.
 * @example deterrenceParameters({ exchangeA: 0.3 }).exchangeB // 0.5
 */
export function deterrenceParameters(given: Partial<DeterrenceParameters> = {}): DeterrenceParameters {
  const p = { ...DEFAULT_DETERRENCE, ...given };
  for (const [name, value] of Object.entries(p)) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(
        `deterrence.${name}: ${value} must be a finite number ≥ 0, e.g. ${DEFAULT_DETERRENCE[name as keyof DeterrenceParameters]}`,
      );
    }
  }
  if (!(p.acceptedByA < p.retaliationNeededB)) {
    throw new RangeError(
      `deterrence.acceptedByA: ${p.acceptedByA} must be below retaliationNeededB (${p.retaliationNeededB}); a side cannot accept damage it finds unacceptable`,
    );
  }
  if (!(p.acceptedByB < p.retaliationNeededA)) {
    throw new RangeError(
      `deterrence.acceptedByB: ${p.acceptedByB} must be below retaliationNeededA (${p.retaliationNeededA}); a side cannot accept damage it finds unacceptable`,
    );
  }
  return p;
}

/**
 * Classify a pair of inventories: war initiation first (either side could strike first at a cost
 * it accepts), then mutual, one-sided or no deterrence.
 *
 * @param a A's warheads (`x`, ≥ 0)
 * @param b B's warheads (`y`, ≥ 0)
 * @throws {RangeError} for a negative or non-finite inventory, or bad parameters.
 * @example deterrencePosition(1770, 1674).region // 'mutual-deterrence'
 */
export function deterrencePosition(
  a: number,
  b: number,
  parameters: Partial<DeterrenceParameters> = {},
): DeterrencePosition {
  for (const [name, v] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`${name}: ${v} must be a number of warheads ≥ 0`);
  }
  const p = deterrenceParameters(parameters);
  const survivorsA = a - p.exchangeB * b;
  const survivorsB = b - p.exchangeA * a;
  const aDeters = survivorsA >= p.retaliationNeededA;
  const bDeters = survivorsB >= p.retaliationNeededB;
  const aMayInitiate = survivorsB <= p.acceptedByA;
  const bMayInitiate = survivorsA <= p.acceptedByB;
  const region: DeterrenceRegion =
    aMayInitiate || bMayInitiate
      ? 'war-initiation'
      : aDeters && bDeters
        ? 'mutual-deterrence'
        : aDeters
          ? 'only-a-deters'
          : bDeters
            ? 'only-b-deters'
            : 'no-deterrence';
  return {
    region,
    surplusA: survivorsA - p.retaliationNeededA,
    surplusB: survivorsB - p.retaliationNeededB,
    aDeters,
    bDeters,
    aMayInitiate,
    bMayInitiate,
  };
}

/**
 * The four boundary lines of the regions, in closed form.
 *
 * @example deterrenceBoundaries()[0] // { id: 'a-deters', of: 'y', intercept: 400, slope: 0.5 } (x = 400 + 0.5·y)
 */
export function deterrenceBoundaries(parameters: Partial<DeterrenceParameters> = {}): DeterrenceBoundary[] {
  const p = deterrenceParameters(parameters);
  return [
    { id: 'a-deters', of: 'y', intercept: p.retaliationNeededA, slope: p.exchangeB },
    { id: 'b-deters', of: 'x', intercept: p.retaliationNeededB, slope: p.exchangeA },
    { id: 'a-may-initiate', of: 'x', intercept: p.acceptedByA, slope: p.exchangeA },
    { id: 'b-may-initiate', of: 'y', intercept: p.acceptedByB, slope: p.exchangeB },
  ];
}

/**
 * The vertex of the mutual-deterrence cone: the smallest forces that deter both ways, or
 * `undefined` when `f_A·f_B ≥ 1` (no pair of forces deters both ways).
 *
 * @example mutualDeterrenceVertex() // { a: 800, b: 800 }
 */
export function mutualDeterrenceVertex(
  parameters: Partial<DeterrenceParameters> = {},
): { readonly a: number; readonly b: number } | undefined {
  const p = deterrenceParameters(parameters);
  const det = 1 - p.exchangeA * p.exchangeB;
  if (!(det > 0)) return undefined;
  return {
    a: (p.retaliationNeededA + p.exchangeB * p.retaliationNeededB) / det,
    b: (p.retaliationNeededB + p.exchangeA * p.retaliationNeededA) / det,
  };
}

/**
 * Two end points of a boundary inside the box `[0, maxA] × [0, maxB]` (for drawing), as `[a, b]`
 * pairs; empty when the line misses the box.
 *
 * @example boundarySegment({ id: 'b-deters', of: 'x', intercept: 400, slope: 0.5 }, 1000, 1000) // [[0, 400], [1000, 900]]
 */
export function boundarySegment(line: DeterrenceBoundary, maxA: number, maxB: number): [number, number][] {
  // Parametrise along the free axis and clip the dependent coordinate to the box.
  const free = line.of === 'x' ? maxA : maxB;
  const bound = line.of === 'x' ? maxB : maxA;
  let lo = 0;
  let hi = free;
  if (line.slope > 0) {
    hi = Math.min(hi, (bound - line.intercept) / line.slope);
    lo = Math.max(lo, -line.intercept / line.slope);
  } else if (line.intercept < 0 || line.intercept > bound) {
    return [];
  }
  if (!(hi >= lo)) return [];
  const at = (t: number): [number, number] => {
    const v = line.intercept + line.slope * t;
    return line.of === 'x' ? [t, v] : [v, t];
  };
  return [at(lo), at(hi)];
}
