import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { DEFAULTS } from '../scenario/defaults.js';
import { demandRows, exposureToRussia, lastBurdenYear } from './demand-rows.js';
import { type AlliesFit, type AlliesSpecification, fitAllies } from './fit-allies.js';
import { fitPooledDemand, type PooledDemandFit } from './fit-pooled.js';
import { fitRussia, type RussiaFit, WAR_FROM } from './fit-russia.js';

/**
 * The specifications of the demand model's responses that the fit and the validation know:
 * - `pledge-only`: no threat or spill-in response anywhere (ε = η = 0); the allies' speed from a
 *   partial-adjustment panel with year effects;
 * - `russia-only`: as `pledge-only` for the allies; Russia's own equation for Russia;
 * - `exposure`: the allies' threat response identified from differences in exposure (year effects,
 *   exposure × ln Θ), their spill-in, and Russia's own equation;
 * - `exposure-no-spill`: as `exposure` without the spill-in term;
 * - `pooled`: one panel of every country with a common ε, Russia's ε as an interaction and a
 *   common η (no year effects).
 */
export const DEMAND_SPECIFICATIONS = ['pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled'] as const;
export type DemandSpecificationId = (typeof DEMAND_SPECIFICATIONS)[number];

/** One sentence per specification, for reports. */
export const SPECIFICATION_LABELS: Record<DemandSpecificationId, string> = {
  'pledge-only': 'no threat or spill-in response (ε = η = 0): pledges and inertia only',
  'russia-only': "Russia's own threat response; the allies move by pledges and inertia only",
  exposure: "allies' threat response by exposure to Russia (year effects) and spill-in; Russia's own equation",
  'exposure-no-spill':
    "allies' threat response by exposure to Russia (year effects), no spill-in; Russia's own equation",
  pooled: 'one pooled panel without year effects: common ε, Russia’s ε as an interaction, common η',
};

/** The response parameters of one actor as the scenario's `response` field takes them. */
export interface ActorResponse {
  readonly elasticity: number;
  readonly spill_in: number;
  readonly speed: number;
}

/** Bounds a response must respect (those of the scenario schema, speeds kept away from 0 and 1+). */
export const RESPONSE_BOUNDS = { elasticity: [-5, 5], spillIn: [-5, 5], speed: [0.01, 1] } as const;

const insideBounds = (r: ActorResponse) =>
  r.elasticity >= RESPONSE_BOUNDS.elasticity[0] &&
  r.elasticity <= RESPONSE_BOUNDS.elasticity[1] &&
  r.spill_in >= RESPONSE_BOUNDS.spillIn[0] &&
  r.spill_in <= RESPONSE_BOUNDS.spillIn[1] &&
  r.speed >= RESPONSE_BOUNDS.speed[0] &&
  r.speed <= RESPONSE_BOUNDS.speed[1];

interface ResponseParameters {
  readonly speed: number;
  readonly threat: number;
  readonly spillIn: number;
  readonly speedRussia: number;
  readonly elasticityRussia: number;
}

/** Options of {@link fitDemand}. */
export interface DemandFitOptions {
  /** First year of the dependent variable (its lag reaches one year further back); default 1995. */
  readonly from?: number;
  /** Last year; default the last year of burden data. */
  readonly to?: number;
  /** Countries of the panel; default the simulator's default actors. */
  readonly countries?: readonly string[];
  /** Bootstrap replications (allies: by country; Russia: wild); 0 for none. Default 499. */
  readonly draws?: number;
  readonly seed?: number;
  /** Default `exposure`. */
  readonly specification?: DemandSpecificationId;
  /** Compute the half-panel jackknife estimates (two more fits per equation); default true. */
  readonly jackknife?: boolean;
}

/** The demand model's responses fitted to history under one specification. */
export interface DemandFit {
  readonly specification: DemandSpecificationId;
  readonly span: readonly [number, number];
  readonly source: string;
  /** Countries with rows in some equation, and those left out with the reason. */
  readonly countries: readonly string[];
  readonly excluded: readonly { readonly iso3: string; readonly reason: string }[];
  readonly observations: number;
  /** The allies' equation (absent for `pooled`). */
  readonly allies: AlliesFit | undefined;
  /** Russia's own equation (absent for `pledge-only` and `pooled`). */
  readonly russia: RussiaFit | undefined;
  /** The pooled panel (only for `pooled`). */
  readonly pooled: PooledDemandFit | undefined;
  /** The exposure of every panel country to Russia, `exp(−d/D)`. */
  readonly exposure: Readonly<Record<string, number>>;
  /** What the simulator takes per actor under this specification. */
  readonly responses: Readonly<Record<string, ActorResponse>>;
  /**
   * The bootstrap replications as responses (the allies' cluster bootstrap and Russia's wild
   * bootstrap paired by index), those inside {@link RESPONSE_BOUNDS} only; empty for `pooled` or
   * without draws.
   */
  readonly responseDraws: readonly Readonly<Record<string, ActorResponse>>[];
  /** Coefficients that one cluster identifies, and other warnings a user must read. */
  readonly warnings: readonly string[];
  readonly caveats: readonly string[];
}

const ALLIES_SPEC: Record<DemandSpecificationId, AlliesSpecification | undefined> = {
  'pledge-only': { threat: 'none', spillIn: false },
  'russia-only': { threat: 'none', spillIn: false },
  exposure: { threat: 'exposure', spillIn: true },
  'exposure-no-spill': { threat: 'exposure', spillIn: false },
  pooled: undefined,
};

/**
 * Fit the responses of the alliance-demand model (docs/estimation.md) under one specification: the allies'
 * equation ({@link fitAllies}) and Russia's own equation ({@link fitRussia}), or the pooled panel.
 * Belarus and Ukraine get no response of their own (ε = η = 0, the allies' speed): Belarus moves
 * with Russia's threat series and Ukraine, a partner at war, has no allies in the model.
 *
 * @throws {InputError} for a span too short, an unknown country or too few observations.
 * @example fitDemand(loadDataset(), { to: 2021, draws: 0 }).responses.RUS?.elasticity
 */
export function fitDemand(dataset: Dataset, options: DemandFitOptions = {}): DemandFit {
  const specification = options.specification ?? 'exposure';
  if (!DEMAND_SPECIFICATIONS.includes(specification))
    throw new InputError(
      'bad-specification',
      `specification: "${specification}" is not known; use one of ${DEMAND_SPECIFICATIONS.join(', ')}`,
    );
  const from = options.from ?? 1995;
  const to = options.to ?? lastBurdenYear(dataset);
  if (!(to - from >= 7))
    throw new InputError('too-few-years', `span ${from}–${to}: the fit needs at least 8 years; widen --from/--to`);
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const known = (c: string) => dataset.series(c, 'milex_share_gdp', source) !== undefined;
  const countries = options.countries ?? [...dataset.allies(), ...DEFAULTS.otherActors].filter(known);
  for (const c of countries)
    if (!known(c)) throw new InputError('unknown-country', `countries: "${c}" has no burden series in ${source}`);
  const draws = options.draws ?? 499;
  const seed = options.seed ?? 1;
  const jackknife = options.jackknife ?? true;
  const all = [...dataset.allies(), ...DEFAULTS.otherActors];

  if (specification === 'pooled') {
    const pooled = fitPooledDemand(dataset, { from, to, countries, draws, seed });
    const responses: Record<string, ActorResponse> = {};
    for (const c of all)
      responses[c] = {
        elasticity: c === 'RUS' ? pooled.elasticityRussia.estimate : pooled.elasticity.estimate,
        spill_in: pooled.spillIn.estimate,
        speed: pooled.speed.estimate,
      };
    return {
      specification,
      span: [from, to],
      source,
      countries: pooled.countries,
      excluded: all.filter((c) => !pooled.countries.includes(c)).map((iso3) => ({ iso3, reason: 'no burden series' })),
      observations: pooled.observations,
      allies: undefined,
      russia: undefined,
      pooled,
      exposure: {},
      responses,
      responseDraws: [],
      warnings: [
        "Russia's ε here is identified by Russia alone, next to a spill-in regressor (Belarus's stock) that moves with its threat: the two are not told apart.",
        ...(pooled.war === null
          ? []
          : ['The war term is identified by two countries (Russia, Ukraine) over the war years.']),
        "The allies' ε comes from one common time series (no year effects): common shocks read as threat responses.",
      ],
      caveats: pooled.caveats,
    };
  }

  const data = demandRows(dataset, countries, from, to);
  const alliesSpec = ALLIES_SPEC[specification] as AlliesSpecification;
  const allies = fitAllies(data.rows, data.exposure, alliesSpec, { draws, seed, jackknife });
  const wantsRussia = specification !== 'pledge-only' && countries.includes('RUS');
  const russia = wantsRussia ? fitRussia(data.rows, { draws, seed, jackknife }) : undefined;

  const exposureOf = (c: string) => data.exposure[c] ?? exposureToRussia(dataset, c, DEFAULTS.decayKm);
  const responsesOf = (p: ResponseParameters): Record<string, ActorResponse> => {
    const out: Record<string, ActorResponse> = {};
    for (const c of all) {
      if (c === 'RUS') out[c] = { elasticity: p.elasticityRussia, spill_in: 0, speed: p.speedRussia };
      else if (c === 'BLR' || c === 'UKR') out[c] = { elasticity: 0, spill_in: 0, speed: p.speed };
      else
        out[c] = {
          elasticity: alliesSpec.threat === 'exposure' ? p.threat * exposureOf(c) : 0,
          spill_in: p.spillIn,
          speed: p.speed,
        };
    }
    return out;
  };
  const lambda = allies.speed.estimate;
  const responses = responsesOf({
    speed: lambda,
    threat: allies.threat.estimate,
    spillIn: allies.spillIn.estimate,
    speedRussia: russia?.speed.estimate ?? lambda,
    elasticityRussia: russia?.elasticity.estimate ?? 0,
  });
  // Bootstrap replications as responses, paired by index, kept where every response is inside the
  // bounds of the scenario schema.
  const responseDraws: Record<string, ActorResponse>[] = [];
  const boot = allies.bootstrap;
  const n = Math.min(boot?.draws ?? 0, russia === undefined ? Number.POSITIVE_INFINITY : russia.draws);
  for (let k = 0; k < n && boot !== undefined; k++) {
    const speed = boot.replications[3 * k] as number;
    const draw = responsesOf({
      speed,
      threat: boot.replications[3 * k + 1] as number,
      spillIn: boot.replications[3 * k + 2] as number,
      speedRussia: russia === undefined ? speed : (russia.replications[2 * k] as number),
      elasticityRussia: russia === undefined ? 0 : (russia.replications[2 * k + 1] as number),
    });
    if (Object.values(draw).every(insideBounds)) responseDraws.push(draw);
  }
  const used = new Set([...allies.countries, ...(russia ? ['RUS'] : [])]);
  const excluded = all
    .filter((c) => !used.has(c))
    .map((iso3) => ({
      iso3,
      reason: !known(iso3)
        ? 'no burden series'
        : iso3 === 'BLR'
          ? 'no equation of its own: its burden moves with Russia’s threat series (ε = η = 0, the allies’ speed)'
          : iso3 === 'UKR'
            ? 'no equation of its own: a partner at war, with no allies in the model (ε = η = 0, the allies’ speed)'
            : iso3 === 'RUS'
              ? 'no Russian equation in this specification'
              : !countries.includes(iso3)
                ? 'not in --countries'
                : `not an ally in ${from}–${to}, or no lagged burden`,
    }));
  const warnings = russia
    ? [
        `Russia's speed and elasticity rest on one country (${russia.observations} years): no cluster standard error exists for them; the interval comes from a wild bootstrap on Russia's own residuals, with Newey–West (HAC, ${russia.hac.lags} lags) as a cross-check. In panels simulated with this shape the 95 % interval covers the truth about 80 % of the time (docs/estimation.md): read it as roughly an 80 % interval.`,
        ...(russia.war
          ? [
              `Russia's war term is identified by the years ${WAR_FROM}–${to} of one country: a shock, not a threat response.`,
            ]
          : []),
      ]
    : [];
  return {
    specification,
    span: [from, to],
    source,
    countries: [...used],
    excluded,
    observations: allies.observations + (russia?.observations ?? 0),
    allies,
    russia,
    pooled: undefined,
    exposure: data.exposure,
    responses,
    responseDraws,
    warnings,
    caveats: [
      `Nickell bias: with country fixed effects and a lagged dependent variable the within estimator of ρ is biased downward by roughly (1 + ρ)/(T − 1) for T = ${to - from + 1} years; the half-panel jackknife column corrects it to first order.`,
      alliesSpec.threat === 'exposure'
        ? "Year effects absorb every change common to the allies (2008, 2014, 2022): the threat response is the frontline allies' response relative to the distant ones, and a common response is not attributed to the threat."
        : "The allies' equation has year effects and no threat term: their common movements are not attributed to the threat.",
      'Threat and spill-in are rebuilt from the model’s own assumptions (proximity weights, perpetual inventory, blocs): the fit is conditional on them.',
      'Associations, not causal effects.',
    ],
  };
}
