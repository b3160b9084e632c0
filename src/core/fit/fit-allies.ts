import { InputError } from '../errors.js';
import { type ClusterBootstrapResult, clusterBootstrap, type PanelFit, panelFixedEffects } from '../estimate/panel.js';
import type { DemandRow } from './demand-rows.js';
import { halfPanelJackknife } from './half-panel-jackknife.js';

/** How the allies' equation is specified. */
export interface AlliesSpecification {
  /**
   * `exposure`: year effects, with the threat entering as `x_i · ln Θ_it` (x_i the ally's exposure to
   * Russia), so the response is identified from differences in exposure between allies;
   * `pooled`: no year effects and `ln Θ_it` itself, identified from the common time series.
   */
  readonly threat: 'exposure' | 'pooled' | 'none';
  /** Whether `ln Φ_it` (spill-in) enters. */
  readonly spillIn: boolean;
}

/** A structural parameter with its bootstrap summary and the bias-corrected estimate. */
export interface StructuralEstimate {
  readonly estimate: number;
  /** Half-panel jackknife estimate (Dhaene & Jochmans 2015); `null` where a half could not be fitted. */
  readonly biasCorrected: number | null;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

/** The allies' equation and the parameters it implies. */
export interface AlliesFit {
  readonly specification: AlliesSpecification;
  readonly regression: PanelFit;
  readonly countries: readonly string[];
  readonly years: readonly [number, number];
  readonly observations: number;
  /** λ = 1 − ρ. */
  readonly speed: StructuralEstimate;
  /**
   * `exposure`: ε per unit of exposure (ally i's elasticity is this times x_i); `pooled`: the common ε;
   * `none`: 0.
   */
  readonly threat: StructuralEstimate;
  /** η = −γ/λ (0 without spill-in). */
  readonly spillIn: StructuralEstimate;
  /** Cluster (by country) bootstrap of `[λ, threat, η]`; `undefined` with no draws. */
  readonly bootstrap: ClusterBootstrapResult | undefined;
}

const ZERO: StructuralEstimate = { estimate: 0, biasCorrected: 0, standardError: 0, lower: 0, upper: 0 };

interface Design {
  readonly y: number[];
  readonly x: number[][];
  readonly names: string[];
  readonly entity: string[];
}

function design(rows: readonly DemandRow[], spec: AlliesSpecification, exposure: Readonly<Record<string, number>>) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const names = ['ln s(t-1)'];
  if (spec.threat === 'exposure') names.push('exposure x ln threat');
  if (spec.threat === 'pooled') names.push('ln threat');
  if (spec.spillIn) names.push('ln spill-in');
  const dummies = spec.threat === 'pooled' ? [] : years.slice(1);
  for (const y of dummies) names.push(`year ${y}`);
  const d: Design = { y: [], x: names.map(() => []), names, entity: [] };
  for (const r of rows) {
    const cols: number[] = [r.lnLag];
    if (spec.threat === 'exposure') cols.push((exposure[r.iso3] ?? 0) * r.lnThreat);
    if (spec.threat === 'pooled') cols.push(r.lnThreat);
    if (spec.spillIn) cols.push(r.lnSpillIn);
    for (const y of dummies) cols.push(r.year === y ? 1 : 0);
    d.y.push(r.lnBurden);
    cols.forEach((v, j) => {
      d.x[j]?.push(v);
    });
    d.entity.push(r.iso3);
  }
  return d;
}

/** `[λ, threat, η]` from the slopes of the first regressors. */
function structural(f: PanelFit, spec: AlliesSpecification): number[] {
  const c = f.coefficients;
  const lambda = 1 - (c[0] as number);
  let k = 1;
  const threat = spec.threat === 'none' ? 0 : (c[k++] as number) / lambda;
  const spill = spec.spillIn ? -(c[k] as number) / lambda : 0;
  return [lambda, threat, spill];
}

/**
 * The allies' rows of a panel: NATO allies in the years they are allies, with a threat and (where
 * it enters) a spill-in.
 */
export function alliesRows(rows: readonly DemandRow[], spec: AlliesSpecification): DemandRow[] {
  return rows.filter(
    (r) =>
      r.ally &&
      r.iso3 !== 'RUS' &&
      (spec.threat === 'none' || Number.isFinite(r.lnThreat)) &&
      (!spec.spillIn || Number.isFinite(r.lnSpillIn)),
  );
}

/**
 * Fit the allies' equation of the demand model by the within (country fixed effects) estimator:
 * `ln s_it = ρ ln s_i,t−1 + β·T_it + γ ln Φ_it + α_i + τ_t + e_it`, where the threat term `T_it` is
 * `x_i · ln Θ_it` with year effects τ_t (`exposure`), or `ln Θ_it` without them (`pooled`). Then
 * `λ = 1 − ρ`, `ε = β/λ` (per unit of exposure), `η = −γ/λ`. Intervals from a cluster (by country)
 * bootstrap; the half-panel jackknife corrects the Nickell bias to first order.
 *
 * @throws {InputError} with fewer than 30 country-years or fewer than 3 allies.
 */
export function fitAllies(
  rowsIn: readonly DemandRow[],
  exposure: Readonly<Record<string, number>>,
  spec: AlliesSpecification,
  options: { readonly draws?: number; readonly seed?: number; readonly jackknife?: boolean } = {},
): AlliesFit {
  const rows = alliesRows(rowsIn, spec);
  const countries = [...new Set(rows.map((r) => r.iso3))];
  if (rows.length < 30 || countries.length < 3)
    throw new InputError(
      'too-few-observations',
      `${rows.length} ally-years of ${countries.length} allies with data; the allies' equation needs at least 30 of 3`,
    );
  const d = design(rows, spec, exposure);
  const fitOn = (ds: Design) => panelFixedEffects(ds.y, ds.x, ds.entity, { names: ds.names });
  const regression = fitOn(d);
  const point = structural(regression, spec);

  const years: [number, number] = [Math.min(...rows.map((r) => r.year)), Math.max(...rows.map((r) => r.year))];
  const corrected =
    options.jackknife === false
      ? undefined
      : halfPanelJackknife(point, years, (a, b) =>
          structural(
            fitOn(
              design(
                rows.filter((r) => r.year >= a && r.year <= b),
                spec,
                exposure,
              ),
            ),
            spec,
          ),
        );

  const draws = options.draws ?? 0;
  const bootstrap =
    draws >= 2
      ? clusterBootstrap(
          (picked, clusters) => {
            const sub: Design = { y: [], x: d.names.map(() => []), names: d.names, entity: [] };
            picked.forEach((r, q) => {
              sub.y.push(d.y[r] as number);
              d.x.forEach((col, j) => {
                sub.x[j]?.push(col[r] as number);
              });
              sub.entity.push(`${d.entity[r]}#${clusters[q]}`);
            });
            return structural(fitOn(sub), spec);
          },
          d.entity,
          { seed: options.seed ?? 1, draws },
        )
      : undefined;
  const at = (k: number): StructuralEstimate => ({
    estimate: point[k] as number,
    biasCorrected: corrected?.[k] ?? null,
    standardError: bootstrap?.standardErrors[k] ?? Number.NaN,
    lower: bootstrap?.lower[k] ?? Number.NaN,
    upper: bootstrap?.upper[k] ?? Number.NaN,
  });
  return {
    specification: spec,
    regression,
    countries,
    years,
    observations: rows.length,
    speed: at(0),
    threat: spec.threat === 'none' ? ZERO : at(1),
    spillIn: spec.spillIn ? at(2) : ZERO,
    bootstrap,
  };
}
