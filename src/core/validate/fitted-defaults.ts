import type { Dataset } from '../data/dataset.js';
import type { FittedDefaults, FittedParameter } from '../data/fitted.js';
import type { StructuralEstimate } from '../fit/fit-allies.js';
import {
  DEMAND_SPECIFICATIONS,
  type DemandFit,
  type DemandSpecificationId,
  fitDemand,
  RESPONSE_BOUNDS,
} from '../fit/fit-demand.js';
import { type ProjectionStability, projectionStability } from './projection-stability.js';
import { type Selection, selectSpecification } from './select-specification.js';
import { type Validation, validateForecasts } from './validate-forecasts.js';

/** Bounds a bootstrap replication must respect to be kept (those of the scenario schema). */
export const DRAW_BOUNDS = RESPONSE_BOUNDS;

const NONE: StructuralEstimate = { estimate: 0, biasCorrected: 0, standardError: 0, lower: 0, upper: 0 };

const parameter = (e: StructuralEstimate | undefined): FittedParameter => {
  const v = e ?? NONE;
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  return {
    estimate: v.estimate,
    bias_corrected: v.biasCorrected,
    standard_error: finite(v.standardError),
    lower: finite(v.lower),
    upper: finite(v.upper),
  };
};

/**
 * Every specification fitted to the whole sample (no bootstrap) and whether its responses keep the
 * baselines stable ({@link projectionStability}): what the selection's stability condition reads.
 */
export function specificationStability(dataset: Dataset): {
  readonly responses: Record<DemandSpecificationId, DemandFit['responses']>;
  readonly stability: Record<DemandSpecificationId, ProjectionStability>;
} {
  const responses = {} as Record<DemandSpecificationId, DemandFit['responses']>;
  const stability = {} as Record<DemandSpecificationId, ProjectionStability>;
  for (const s of DEMAND_SPECIFICATIONS) {
    responses[s] = fitDemand(dataset, { specification: s, draws: 0, jackknife: false }).responses;
    stability[s] = projectionStability(dataset, responses[s]);
  }
  return { responses, stability };
}

/** Everything {@link fittedDefaults} computed, for reports. */
export interface FittedDefaultsRun {
  readonly fitted: FittedDefaults;
  readonly validation: Validation;
  readonly selection: Selection;
  readonly fit: DemandFit;
}

/**
 * Validate every specification out of sample, choose the default by {@link selectSpecification},
 * fit the chosen one on the whole span with its bootstrap, and assemble `data/fitted.json`.
 * Replications are kept only where every response an actor would get lies inside the schema's
 * bounds ({@link DRAW_BOUNDS}); the count kept is recorded.
 *
 * @example fittedDefaults(loadDataset(), { draws: 99, command: 'armsrace fit …' }).fitted.selection.specification
 */
export function fittedDefaults(
  dataset: Dataset,
  options: {
    readonly draws?: number;
    readonly seed?: number;
    readonly command: string;
    readonly gdpEdition?: string;
    readonly onProgress?: (stage: string, done: number, total: number) => void;
  },
): FittedDefaultsRun {
  const validation = validateForecasts(dataset, {
    compareSpecifications: true,
    onProgress: (d, t) => options.onProgress?.('validation', d, t),
  });
  const { responses: fullSample, stability } = specificationStability(dataset);
  const selection = selectSpecification(validation, { stability });
  const chosen = selection.specification;
  options.onProgress?.('bootstrap', 0, 1);
  const fit = fitDemand(dataset, { specification: chosen, draws: options.draws ?? 499, seed: options.seed ?? 1 });
  options.onProgress?.('bootstrap', 1, 1);
  const alternatives: Record<string, DemandFit['responses']> = {};
  for (const s of DEMAND_SPECIFICATIONS) if (s !== chosen) alternatives[s] = fullSample[s];

  // Aligned replications: the allies' cluster bootstrap and Russia's wild bootstrap, pair by index.
  const a = fit.allies?.bootstrap;
  const r = fit.russia;
  const drawn = Math.min(a?.draws ?? 0, r?.draws ?? a?.draws ?? 0);
  const maxExposure = Math.max(...Object.values(fit.exposure), 0);
  const draws = {
    speed: [] as number[],
    threat_exposure: [] as number[],
    spill_in: [] as number[],
    speed_RUS: [] as number[],
    elasticity_RUS: [] as number[],
  };
  const inside = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  for (let k = 0; k < drawn; k++) {
    const speed = a === undefined ? (fit.allies?.speed.estimate ?? 0) : (a.replications[k * 3] as number);
    const threat = a === undefined ? 0 : (a.replications[k * 3 + 1] as number);
    const spill = a === undefined ? 0 : (a.replications[k * 3 + 2] as number);
    const speedR = r === undefined ? speed : (r.replications[k * 2] as number);
    const epsR = r === undefined ? 0 : (r.replications[k * 2 + 1] as number);
    const ok =
      inside(speed, DRAW_BOUNDS.speed) &&
      inside(threat * maxExposure, DRAW_BOUNDS.elasticity) &&
      inside(spill, DRAW_BOUNDS.spillIn) &&
      inside(speedR, DRAW_BOUNDS.speed) &&
      inside(epsR, DRAW_BOUNDS.elasticity);
    if (!ok) continue;
    draws.speed.push(speed);
    draws.threat_exposure.push(threat);
    draws.spill_in.push(spill);
    draws.speed_RUS.push(speedR);
    draws.elasticity_RUS.push(epsR);
  }
  const rmseOf = (g: 'allies' | 'russia') => ({
    model: validation.specifications[chosen]?.[g].rmse ?? [],
    random_walk: validation.scores.random_walk[g].rmse,
  });
  const fitted: FittedDefaults = {
    command: options.command,
    model: 'demand',
    data: { burdens: fit.source, gdp: options.gdpEdition ?? 'wdi-2026-02' },
    span: fit.span,
    observations: fit.observations,
    countries: fit.countries,
    excluded: fit.excluded,
    selection: {
      specification: chosen,
      rule: selection.rule,
      margin: selection.margin,
      reason: selection.reason,
      origins: validation.origins,
      horizons: validation.horizons,
      specifications: selection.scores.map((s) => ({
        specification: s.specification,
        allies: s.allies,
        russia: s.russia,
        allies_mean: s.alliesMean,
        russia_mean: s.russiaMean,
        score: s.score,
        accurate: s.accurate,
        ...(s.stability === undefined
          ? {}
          : {
              stable: s.stability.stable,
              worst_margin: {
                scenario: s.stability.worst.scenario,
                year: s.stability.worst.year,
                margin: s.stability.worst.margin,
                mode: s.stability.worst.mode,
              },
            }),
        admissible: s.admissible,
      })),
      rmse: { allies: rmseOf('allies'), russia: rmseOf('russia') },
    },
    parameters: {
      speed: parameter(fit.allies?.speed),
      threat_exposure: parameter(fit.allies?.threat),
      spill_in: parameter(fit.allies?.spillIn),
      speed_RUS: parameter(fit.russia?.speed ?? fit.allies?.speed),
      elasticity_RUS: parameter(fit.russia?.elasticity),
    },
    exposure: fit.exposure,
    responses: fit.responses,
    alternatives,
    draws,
    draws_kept: {
      drawn,
      kept: draws.speed.length,
      rule: `a replication is kept when every response it gives lies inside the scenario schema's bounds: speeds in [${DRAW_BOUNDS.speed.join(', ')}], elasticities (the allies' at the largest exposure) and spill-in in [−5, 5]`,
    },
    warnings: fit.warnings,
    caveats: fit.caveats,
  };
  return { fitted, validation, selection, fit };
}
