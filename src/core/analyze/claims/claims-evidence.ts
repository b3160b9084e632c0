import type { Dataset } from '../../data/dataset.js';
import { InputError } from '../../errors.js';
import { PRESET_SCENARIOS } from '../../scenario/presets.js';
import { simulate } from '../../simulate.js';
import { deterrenceParameters } from '../deterrence.js';
import { armsRaceClaim } from './arms-race.js';
import { deterrenceClaim } from './deterrence-balance.js';
import { enlargementClaim } from './enlargement.js';
import { hagueClaim } from './hague-pledge.js';
import { proportionalResponseClaim } from './proportional-response.js';
import { type NamedRun, securityDilemmaClaim } from './security-dilemma.js';
import { twoPercentClaim } from './two-percent.js';
import type { ClaimEvidence, ClaimsOptions } from './types.js';

/** The ids of the claims, 1–7 (docs/claims.md). */
export const CLAIM_IDS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The defaults of {@link ClaimsOptions}. */
export const CLAIMS_DEFAULTS = {
  armedScenario: 'hague-met',
  restraintScenario: 'mutual-restraint',
  compareYear: 2035,
  alpha: 0.05,
  flatRatio: 0.25,
  materialShare: 0.1,
} as const;

function checkOptions(options: ClaimsOptions) {
  const o = { ...CLAIMS_DEFAULTS, ...options };
  const inRange = (name: string, v: number, lo: number, hi: number, example: string) => {
    if (!(v > lo && v < hi)) {
      throw new InputError(
        'bad-option',
        `${name}: ${v} is out of range; use a number above ${lo} and below ${hi}, e.g. ${example}`,
        name,
      );
    }
  };
  inRange('alpha', o.alpha, 0, 1, '0.05');
  inRange('flatRatio', o.flatRatio, 0, 1, '0.25');
  inRange('materialShare', o.materialShare, 0, 1, '0.1');
  if (!Number.isInteger(o.compareYear)) {
    throw new InputError('bad-year', `compareYear: ${o.compareYear} is not a whole year; use e.g. 2035`, 'compareYear');
  }
  try {
    deterrenceParameters(options.deterrence);
  } catch (error) {
    throw new InputError('bad-option', error instanceof Error ? error.message : String(error), 'deterrence');
  }
  return o;
}

/** Run the scenarios once, with the stability margins at the start, the comparison year and the last year. */
function runScenarios(dataset: Dataset, options: ReturnType<typeof checkOptions>): NamedRun[] {
  return (options.scenarios ?? PRESET_SCENARIOS).map(({ id, input }) => {
    const start = input.start ?? 2025;
    const last = (input.end ?? 2050) - 1;
    const years = [...new Set([start, options.compareYear, last])].filter((y) => y >= start && y <= last);
    return { id, result: simulate(input, dataset, { stabilityYears: years }) };
  });
}

/**
 * The evidence for one claim of docs/claims.md (1–7), computed from the dataset, its committed fit and
 * model runs of the preset scenarios.
 *
 * @throws {InputError} `unknown-claim` for an id outside 1–7, `bad-option` for an option out of range.
 * @example claimEvidence(2, loadDataset()).numbers[0].value // 3 (allies at 2 % in 2014)
 */
export function claimEvidence(id: number, dataset: Dataset, options: ClaimsOptions = {}): ClaimEvidence {
  if (!(CLAIM_IDS as readonly number[]).includes(id)) {
    throw new InputError(
      'unknown-claim',
      `claim: ${id} is not a claim; use a number from 1 to ${CLAIM_IDS.length}`,
      'claim',
    );
  }
  const o = checkOptions(options);
  switch (id) {
    case 1:
      return hagueClaim(dataset);
    case 2:
      return twoPercentClaim(dataset);
    case 3:
      return enlargementClaim(dataset, o.materialShare);
    case 5:
      return armsRaceClaim(dataset, o.alpha);
    case 6:
      return proportionalResponseClaim(dataset);
    default: {
      const runs = runScenarios(dataset, o);
      return id === 4
        ? securityDilemmaClaim(runs, o.armedScenario, o.restraintScenario, o.compareYear, o.flatRatio)
        : deterrenceClaim(dataset, runs, o.compareYear, o.deterrence ?? {});
    }
  }
}

/**
 * The evidence for all seven claims of docs/claims.md, in order; the scenarios are run once and shared
 * by claims 4 and 7. Plain JSON: every number is computed, with its source.
 *
 * @throws {InputError} `bad-option` for an option out of range; {@link ScenarioError} for a scenario that does not fit the dataset.
 * @example claimsEvidence(loadDataset()).map((c) => c.strength) // ['strong', 'moderate', …]
 */
export function claimsEvidence(dataset: Dataset, options: ClaimsOptions = {}): ClaimEvidence[] {
  const o = checkOptions(options);
  const runs = runScenarios(dataset, o);
  return [
    hagueClaim(dataset),
    twoPercentClaim(dataset),
    enlargementClaim(dataset, o.materialShare),
    securityDilemmaClaim(runs, o.armedScenario, o.restraintScenario, o.compareYear, o.flatRatio),
    armsRaceClaim(dataset, o.alpha),
    proportionalResponseClaim(dataset),
    deterrenceClaim(dataset, runs, o.compareYear, o.deterrence ?? {}),
  ];
}
