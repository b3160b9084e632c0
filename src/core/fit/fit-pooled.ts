import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { type ClusterBootstrapResult, clusterBootstrap, type PanelFit, panelFixedEffects } from '../estimate/panel.js';
import { DEFAULTS } from '../scenario/defaults.js';
import { lastBurdenYear } from './demand-rows.js';
import { historicalPanel } from './historical-exposures.js';

/** Options of {@link fitPooledDemand}. */
export interface PooledFitOptions {
  /** First year of the dependent variable (its lag reaches one year further back); default 1995. */
  readonly from?: number;
  readonly to?: number;
  /** Countries of the panel; default the simulator's default actors. */
  readonly countries?: readonly string[];
  /** Cluster (country) bootstrap replications; default 499. */
  readonly draws?: number;
  readonly seed?: number;
  /** First year of the war term (Russia and Ukraine); default 2022. */
  readonly warFrom?: number;
}

/** A structural parameter recovered from the pooled panel, with its bootstrap interval. */
export interface PooledEstimate {
  readonly estimate: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

/** The log-linear panel of docs/estimation.md and the model parameters it implies. */
export interface PooledDemandFit {
  readonly span: readonly [number, number];
  readonly countries: readonly string[];
  /** Country-years used (with a lag, a threat and a spill-in). */
  readonly observations: number;
  readonly regression: PanelFit;
  /** `λ = 1 − ρ`, adjustment speed (1/years). */
  readonly speed: PooledEstimate;
  /** `ε = β/λ`, threat elasticity of the allies (and Belarus, Ukraine). */
  readonly elasticity: PooledEstimate;
  /** `ε_RUS = (β + β_RUS)/λ`, Russia's threat elasticity. */
  readonly elasticityRussia: PooledEstimate;
  /** `η = −γ/λ`, spill-in (free-riding) elasticity. */
  readonly spillIn: PooledEstimate;
  /** The coefficient of the war term (log points of burden). */
  readonly war: PooledEstimate | null;
  /** `undefined` with fewer than 2 draws. */
  readonly bootstrap: ClusterBootstrapResult | undefined;
  readonly source: string;
  readonly caveats: readonly string[];
}

const NAMES = ['ln s(t-1)', 'ln threat', 'ln threat x RUS', 'ln spill-in', 'war (RUS, UKR)'] as const;

/**
 * Fit the alliance-demand model as a log-linear panel with country fixed effects:
 * `ln s_it = ρ ln s_i,t−1 + β ln Θ_it + β_R·[i = RUS]·ln Θ_it + γ ln Φ_it + δ·war_it + α_i + e_it`,
 * giving `λ = 1 − ρ`, `ε = β/λ`, `ε_RUS = (β + β_R)/λ`, `η = −γ/λ`, with intervals from a cluster
 * (by country) bootstrap stratified so that Russia is in every replication (Cameron & Miller 2015). Threat and spill-in are rebuilt from data
 * ({@link historicalPanel}); country-years without an adversary or an ally are left out.
 *
 * One of the specifications the validation compares (`pooled`), not the source of the defaults:
 * Russia's ε is not identified in it (its spill-in regressor, Belarus's stock, moves with its
 * threat) and the allies' ε comes from one common time series.
 *
 * @throws {InputError} for a span too short or countries without data.
 *
 * @example fitPooledDemand(loadDataset(), { from: 1995, to: 2024 }).elasticityRussia.estimate
 */
export function fitPooledDemand(dataset: Dataset, options: PooledFitOptions = {}): PooledDemandFit {
  const from = options.from ?? 1995;
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const to = options.to ?? lastBurdenYear(dataset);
  if (!(to - from >= 5))
    throw new InputError('too-few-years', `span ${from}–${to}: the panel needs at least 6 years; widen --from/--to`);
  const known = (c: string) => dataset.series(c, 'milex_share_gdp', source) !== undefined;
  const countries = options.countries ?? [...dataset.allies(), ...DEFAULTS.otherActors].filter(known);
  for (const c of countries)
    if (!known(c)) throw new InputError('unknown-country', `countries: "${c}" has no burden series in ${source}`);
  const warFrom = options.warFrom ?? 2022;
  const panel = historicalPanel(dataset, countries, from - 1, to);

  // The war term enters only where the span reaches it: before its first year it is zero everywhere.
  const hasWar = to >= warFrom;
  const names: string[] = hasWar ? [...NAMES] : NAMES.slice(0, 4);
  const y: number[] = [];
  const x: number[][] = names.map(() => []);
  const entity: string[] = [];
  countries.forEach((c, i) => {
    for (let k = 1; k < panel.years.length; k++) {
      const s = panel.burden[i]?.[k];
      const lag = panel.burden[i]?.[k - 1];
      const th = panel.threat[i]?.[k] as number;
      const sp = panel.spillIn[i]?.[k] as number;
      if (s == null || lag == null || !(s > 0) || !(lag > 0) || !(th > 0) || !(sp > 0)) continue;
      const year = panel.years[k] as number;
      y.push(Math.log(s));
      x[0]?.push(Math.log(lag));
      x[1]?.push(Math.log(th));
      x[2]?.push(c === 'RUS' ? Math.log(th) : 0);
      x[3]?.push(Math.log(sp));
      if (hasWar) x[4]?.push((c === 'RUS' || c === 'UKR') && year >= warFrom ? 1 : 0);
      entity.push(c);
    }
  });
  if (y.length < 30)
    throw new InputError('too-few-observations', `${y.length} country-years with data; the panel needs at least 30`);

  const fitPanel = (rows?: Int32Array, clusters?: Int32Array) => {
    const pick = <T>(v: readonly T[]) => (rows === undefined ? v : Array.from(rows, (r) => v[r] as T));
    const ent = rows === undefined ? entity : Array.from(rows, (r, q) => `${entity[r]}#${clusters?.[q]}`);
    return panelFixedEffects(pick(y), x.map(pick), ent, { names });
  };
  const structural = (f: PanelFit) => {
    const [rho, beta, betaR, gamma, war] = Array.from(f.coefficients);
    const lambda = 1 - (rho as number);
    return [
      lambda,
      (beta as number) / lambda,
      ((beta as number) + (betaR as number)) / lambda,
      -(gamma as number) / lambda,
      ...(hasWar ? [war as number] : []),
    ];
  };
  const regression = fitPanel();
  // Stratified cluster bootstrap: Russia, alone in its stratum (it alone identifies β_R), is kept
  // in every replication; the other countries are resampled with replacement.
  const russiaRows = entity.flatMap((c, r) => (c === 'RUS' ? [r] : []));
  const otherRows = entity.flatMap((c, r) => (c === 'RUS' ? [] : [r]));
  const draws = options.draws ?? 499;
  const bootstrap =
    draws < 2
      ? undefined
      : clusterBootstrap(
          (rows, clusters) => {
            const all = Int32Array.from([...Array.from(rows, (r) => otherRows[r] as number), ...russiaRows]);
            const labels = Int32Array.from([...Array.from(clusters), ...russiaRows.map(() => -1)]);
            return structural(fitPanel(all, labels));
          },
          otherRows.map((r) => entity[r] as string),
          { seed: options.seed ?? 1, draws },
        );
  const point = structural(regression);
  const at = (k: number): PooledEstimate => ({
    estimate: point[k] as number,
    standardError: bootstrap?.standardErrors[k] ?? Number.NaN,
    lower: bootstrap?.lower[k] ?? Number.NaN,
    upper: bootstrap?.upper[k] ?? Number.NaN,
  });
  return {
    span: [from, to],
    countries,
    observations: y.length,
    regression,
    speed: at(0),
    elasticity: at(1),
    elasticityRussia: at(2),
    spillIn: at(3),
    war: hasWar ? at(4) : null,
    bootstrap,
    source,
    caveats: [
      `Nickell bias: with country fixed effects and a lagged dependent variable the within estimator of ρ is biased downward by roughly (1 + ρ)/(T − 1) for T = ${to - from + 1} years, so the speed λ = 1 − ρ is biased upward and the elasticities (divided by λ) downward.`,
      'Threat and spill-in are rebuilt from the model’s own assumptions (proximity weights, perpetual inventory, blocs): the fit is conditional on them.',
      'Russia’s elasticity rests on one country; its interval is wide for that reason.',
      'Associations, not causal effects: common shocks (2008, 2014, 2022) move both sides at once.',
    ],
  };
}
