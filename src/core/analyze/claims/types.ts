import type { NamedScenario } from '../../scenario/presets.js';

export type { NamedScenario };

import type { DeterrenceParameters } from '../deterrence.js';

/** How firmly the evidence settles the question a claim raises (see `strength.ts` for the rules). */
export type Strength = 'strong' | 'moderate' | 'weak' | 'contested';

/** What the evidence says of the claim as reported. */
export type Verdict = 'supported' | 'partly supported' | 'not supported' | 'undecided';

/** One number behind an answer, with the source it was computed from. */
export interface ClaimNumber {
  readonly label: string;
  readonly value: number;
  /** Unit in words, e.g. `% of GDP`, `allies`, `USD bn at 2015 prices`, `p-value`. */
  readonly unit: string;
  /** Where the number comes from: the data source, `data/fitted.json`, or a model scenario. */
  readonly source: string;
  /** Edition of the source, where it has one. */
  readonly edition?: string;
}

/** One series of a claim's chart: `[x, y]` points in drawing order. */
export interface ClaimChartSeries {
  readonly name: string;
  readonly points: readonly (readonly [number | string, number])[];
  /** Draw dashed: a counterfactual, a boundary or a reference. */
  readonly dashed?: boolean;
}

/**
 * Data for one small chart, drawable with Observable Plot: lines (`points` in order) or bars
 * (`x` a year or a category), axes with units, horizontal and vertical reference rules.
 */
export interface ClaimChart {
  readonly kind: 'line' | 'bar';
  readonly title: string;
  /** `year` (integers), `number` (a continuous axis) or `category` (bars by name). */
  readonly xType: 'year' | 'number' | 'category';
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ClaimChartSeries[];
  readonly rules?: readonly { readonly y: number; readonly label: string }[];
  readonly xRules?: readonly { readonly x: number; readonly label: string }[];
  /** Source note printed under the chart. */
  readonly source: string;
}

/** The evidence armsrace gives for one press claim: plain JSON. */
export interface ClaimEvidence {
  /** 1–7, the row of the claim. */
  readonly id: number;
  /** The claim as reported. */
  readonly statement: string;
  /** The question armsrace checks. */
  readonly question: string;
  /** Two to four plain sentences; every number in them is computed. */
  readonly answer: string;
  readonly verdict: Verdict;
  readonly strength: Strength;
  /** One sentence: the rule and the evidence that gave the strength. */
  readonly strengthReason: string;
  readonly numbers: readonly ClaimNumber[];
  readonly chart: ClaimChart;
  /** What the evidence cannot show. */
  readonly caveats: readonly string[];
}

/** A scenario with the preset name it is reported under. */

/** Options of {@link claimsEvidence}: every assumption the panels make, with its default. */
export interface ClaimsOptions {
  /**
   * The demand-model scenarios to compare (claims 4 and 7); default {@link PRESET_SCENARIOS},
   * the presets of `scenarios/` built in code. Pass parsed files to use your own.
   */
  readonly scenarios?: readonly NamedScenario[];
  /** Scenario where both sides arm (claim 4); default `hague-met`. */
  readonly armedScenario?: string;
  /** Scenario where both sides restrain (claim 4); default `mutual-restraint`. */
  readonly restraintScenario?: string;
  /** Year the scenarios are compared in (claims 4, 7); default 2035, the Hague due year. */
  readonly compareYear?: number;
  /** Significance level of the Granger tests (claim 5); default 0.05. */
  readonly alpha?: number;
  /**
   * "Flat" security ratio (claim 4): the change of its logarithm is below this share of the change
   * of the burden's logarithm; default 0.25.
   */
  readonly flatRatio?: number;
  /** Share of Russia's threat index above which an enlargement counts as material (claim 3); default 0.1. */
  readonly materialShare?: number;
  /** Parameters of the strategic deterrence model (claim 7); see {@link DEFAULT_DETERRENCE}. */
  readonly deterrence?: Partial<DeterrenceParameters>;
}
