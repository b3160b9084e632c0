import type { DemandSpecificationId } from '../fit/fit-demand.js';
import type { ProjectionStability } from './projection-stability.js';
import type { Group, Validation } from './validate-forecasts.js';

/**
 * How much better (in mean RMSE relative to the random walk, averaged over the horizons and the two
 * groups) a specification with more response terms must forecast than the simpler one it would
 * replace: 0.01, one percent of the random walk's error.
 */
export const SELECTION_MARGIN = 0.01;

/** Specifications in the order of the terms they add; `pooled` comes last (no year effects). */
export const SELECTION_ORDER: readonly DemandSpecificationId[] = [
  'pledge-only',
  'russia-only',
  'exposure-no-spill',
  'exposure',
  'pooled',
];

/** One specification's out-of-sample record, as the selection read it. */
export interface SpecificationScore {
  readonly specification: DemandSpecificationId;
  /** RMSE over the random walk's, by horizon. */
  readonly allies: readonly number[];
  readonly russia: readonly number[];
  /** Means over the horizons. */
  readonly alliesMean: number;
  readonly russiaMean: number;
  /** `(alliesMean + russiaMean)/2`, the selection's score. */
  readonly score: number;
  /** The allies' RMSE is at or below the random walk's at every horizon. */
  readonly accurate: boolean;
  /** Its responses keep the baselines stable to the end (see {@link projectionStability}); absent when not checked. */
  readonly stability?: ProjectionStability;
  /** Accurate, and stable where checked: a candidate for the default. */
  readonly admissible: boolean;
}

/** The specification the evidence picks, and the record behind it. */
export interface Selection {
  readonly specification: DemandSpecificationId;
  readonly margin: number;
  readonly rule: string;
  readonly scores: readonly SpecificationScore[];
  /** One sentence: which, and by how much. */
  readonly reason: string;
}

/** Relative RMSE of one specification's group against the random walk, by horizon. */
function relative(v: Validation, spec: DemandSpecificationId, group: Group): number[] {
  const mine = v.specifications[spec]?.[group].rmse ?? [];
  const rw = v.scores.random_walk[group].rmse;
  return rw.map((r, k) => (mine[k] as number) / r);
}

/** Why a specification is not admissible, in words. */
function whyNot(s: SpecificationScore): string {
  const w = s.stability?.worst;
  const unstable =
    s.stability?.stable === false && w !== undefined
      ? `unstable: margin +${w.margin.toFixed(3)}/yr (${w.mode}) in ${w.year} of ${w.scenario}`
      : undefined;
  return [s.accurate ? undefined : 'allies above the random walk at some horizon', unstable]
    .filter((x) => x !== undefined)
    .join('; ');
}

const mean = (xs: readonly number[]) => {
  const ok = xs.filter(Number.isFinite);
  return ok.reduce((s, x) => s + x, 0) / Math.max(1, ok.length);
};

/**
 * Choose the default responses by their out-of-sample record ({@link validateForecasts} with
 * `compareSpecifications`). Rule: a specification is admissible when the allies' RMSE is no higher
 * than the random walk's at any horizon and, where `stability` is given, its responses keep the
 * baselines stable in every year to the end ({@link projectionStability}: the test scores ten years
 * ahead, an unstable loop would make the rest of the projection the bounds' doing); its score is
 * the mean over horizons of its RMSE relative to the random walk, averaged over the allies and
 * Russia. Starting from `pledge-only`, each admissible specification in {@link SELECTION_ORDER}
 * replaces the current choice only if its score is lower by at least {@link SELECTION_MARGIN}: a
 * response term must earn its place out of sample.
 *
 * @throws {RangeError} when the validation did not score every specification.
 */
export function selectSpecification(
  v: Validation,
  options: {
    readonly margin?: number;
    readonly stability?: Partial<Record<DemandSpecificationId, ProjectionStability>>;
  } = {},
): Selection {
  const margin = options.margin ?? SELECTION_MARGIN;
  const scores = SELECTION_ORDER.map((specification): SpecificationScore => {
    if (v.specifications[specification] === undefined)
      throw new RangeError(
        `selectSpecification: the validation has no scores for ${specification}; run it with compareSpecifications`,
      );
    const allies = relative(v, specification, 'allies');
    const russia = relative(v, specification, 'russia');
    const alliesMean = mean(allies);
    const russiaMean = mean(russia);
    const accurate = allies.every((r) => !(r > 1));
    const stability = options.stability?.[specification];
    return {
      specification,
      allies,
      russia,
      alliesMean,
      russiaMean,
      score: (alliesMean + russiaMean) / 2,
      accurate,
      ...(stability === undefined ? {} : { stability }),
      admissible: accurate && stability?.stable !== false,
    };
  });
  let current = scores[0] as SpecificationScore;
  for (const s of scores.slice(1)) if (s.admissible && s.score <= current.score - margin) current = s;
  const base = scores[0] as SpecificationScore;
  const pct = (x: number) => `${(100 * (1 - x)).toFixed(1)} %`;
  const runnerUp = scores.filter((s) => s !== current && s.admissible).sort((a, b) => a.score - b.score)[0];
  const reason =
    `${current.specification}: mean RMSE ${pct(current.alliesMean)} below the random walk for the allies and ${pct(current.russiaMean)} for Russia over horizons 1–${v.horizons.length}` +
    (current === base
      ? '; no response term lowered the score by the margin'
      : `; score ${current.score.toFixed(3)} against ${base.score.toFixed(3)} for pledge-only`) +
    (runnerUp === undefined
      ? ''
      : ` (best other admissible: ${runnerUp.specification}, ${runnerUp.score.toFixed(3)})`) +
    `; not admissible: ${
      scores
        .filter((s) => !s.admissible)
        .map((s) => `${s.specification} (${whyNot(s)})`)
        .join(', ') || 'none'
    }.`;
  return {
    specification: current.specification,
    margin,
    rule: `admissible: allies' RMSE ≤ the random walk's at every horizon${options.stability === undefined ? '' : ', and the default scenario and the status quo stable (stability margin < 0) in every year to the end'}; score: mean relative RMSE over horizons, averaged over allies and Russia; from pledge-only, a specification with more terms replaces the choice only if its score is lower by ≥ ${margin}`,
    scores,
    reason,
  };
}
