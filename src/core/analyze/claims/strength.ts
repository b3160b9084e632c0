import type { Strength } from './types.js';

/**
 * The rules that turn evidence into a {@link Strength}. Strength says how firmly the evidence
 * settles the question a claim raises — in whichever direction — not whether the claim is true.
 * Each rule returns the strength and the sentence that explains it.
 */
export interface StrengthRating {
  readonly strength: Strength;
  readonly reason: string;
}

/**
 * Rate published figures: `strong` when the answer rests on the publisher's own table for every
 * ally that reports, `moderate` when part of it rests on estimates or secondary (press) figures,
 * `weak` when most allies have no figure.
 *
 * @param reported allies with a figure in the publisher's table
 * @param expected allies the publisher covers
 * @param secondary allies whose figure is only quoted by the press
 * @example figuresStrength(31, 31, 0).strength // 'strong'
 */
export function figuresStrength(reported: number, expected: number, secondary: number, what: string): StrengthRating {
  if (reported + secondary < expected / 2) {
    return {
      strength: 'weak',
      reason: `weak: only ${reported + secondary} of ${expected} allies have a figure for ${what}`,
    };
  }
  if (secondary > 0 || reported < expected) {
    return {
      strength: 'moderate',
      reason: `moderate: ${reported} of ${expected} allies have a figure in the publisher's table for ${what}${secondary > 0 ? `, ${secondary} more only as press quotes` : ''}`,
    };
  }
  return {
    strength: 'strong',
    reason: `strong: every one of the ${expected} allies the publisher covers has a figure in its own table for ${what}`,
  };
}

/**
 * Rate an estimate against a reference value: `strong` when the 95 % interval excludes the
 * reference, `moderate` when the estimate lies more than one standard error from it, `weak`
 * otherwise.
 *
 * @example intervalStrength({ estimate: 4.65, standardError: 2.04, lower: 2.17, upper: 9.57 }, 1, 'ε').strength // 'strong'
 */
export function intervalStrength(
  fit: { readonly estimate: number; readonly standardError: number; readonly lower: number; readonly upper: number },
  reference: number,
  what: string,
): StrengthRating {
  const interval = `[${fit.lower.toFixed(2)}, ${fit.upper.toFixed(2)}]`;
  if (reference < fit.lower || reference > fit.upper) {
    return { strength: 'strong', reason: `strong: the 95 % interval of ${what}, ${interval}, excludes ${reference}` };
  }
  if (Math.abs(fit.estimate - reference) > fit.standardError) {
    return {
      strength: 'moderate',
      reason: `moderate: the 95 % interval of ${what}, ${interval}, contains ${reference}, but the estimate lies more than one standard error from it`,
    };
  }
  return {
    strength: 'weak',
    reason: `weak: ${what} lies within one standard error of ${reference} (interval ${interval})`,
  };
}

/**
 * Rate a hypothesis over several specifications of a test: `strong` when every specification
 * rejects the null at `alpha`, `moderate` when most do, `contested` when some but not most do,
 * `weak` when none does (a failure to reject in short samples is weak evidence either way).
 *
 * @example testsStrength([0.56, 0.39, 0.28], 0.05, 'NATO → Russia').strength // 'weak'
 */
export function testsStrength(pValues: readonly number[], alpha: number, what: string): StrengthRating {
  const rejecting = pValues.filter((p) => p < alpha).length;
  const n = pValues.length;
  const tally = `${rejecting} of ${n} specifications of ${what} reject at ${alpha}`;
  if (n > 0 && rejecting === n) return { strength: 'strong', reason: `strong: ${tally}` };
  if (rejecting > n / 2) return { strength: 'moderate', reason: `moderate: ${tally}` };
  if (rejecting > 0) return { strength: 'contested', reason: `contested: ${tally}` };
  return { strength: 'weak', reason: `weak: ${tally}; short samples give these tests little power` };
}

/**
 * Rate a model result checked over several scenarios or assumptions: `moderate` when all of them
 * agree (a model result is conditional on the model, so never `strong`), `contested` when they
 * disagree, `weak` when there was nothing to compare.
 *
 * @example modelStrength(7, 7, 'the sign of the stability margin').strength // 'moderate'
 */
export function modelStrength(agreeing: number, total: number, what: string): StrengthRating {
  if (total === 0) return { strength: 'weak', reason: `weak: no model run to check ${what}` };
  if (agreeing === total) {
    return {
      strength: 'moderate',
      reason: `moderate: ${what} holds in all ${total} model settings checked (a model result, conditional on its assumptions)`,
    };
  }
  return {
    strength: 'contested',
    reason: `contested: ${what} holds in ${agreeing} of ${total} model settings checked`,
  };
}

const ORDER: readonly Strength[] = ['weak', 'contested', 'moderate', 'strong'];

/**
 * The weaker of several ratings (weak < contested < moderate < strong), its reason joined to theirs.
 *
 * @example weakest([{ strength: 'strong', reason: 'a' }, { strength: 'contested', reason: 'b' }]).strength // 'contested'
 */
export function weakest(ratings: readonly StrengthRating[]): StrengthRating {
  const strength = ratings.reduce<Strength>(
    (w, r) => (ORDER.indexOf(r.strength) < ORDER.indexOf(w) ? r.strength : w),
    'strong',
  );
  const deciding = ratings.filter((r) => r.strength === strength);
  const others = ratings.filter((r) => r.strength !== strength);
  return { strength, reason: [...deciding, ...others].map((r) => r.reason).join('; ') };
}
