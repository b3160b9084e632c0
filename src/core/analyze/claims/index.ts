export { PRESET_SCENARIOS } from '../../scenario/presets.js';
export { armsRaceClaim } from './arms-race.js';
export { CLAIM_IDS, CLAIMS_DEFAULTS, claimEvidence, claimsEvidence } from './claims-evidence.js';
export { deterrenceClaim } from './deterrence-balance.js';
export { enlargementClaim } from './enlargement.js';
export { hagueClaim } from './hague-pledge.js';
export { PROPORTIONAL_ELASTICITY, proportionalResponseClaim } from './proportional-response.js';
export { type NamedRun, securityDilemmaClaim } from './security-dilemma.js';
export {
  figuresStrength,
  intervalStrength,
  modelStrength,
  type StrengthRating,
  testsStrength,
  weakest,
} from './strength.js';
export { twoPercentClaim } from './two-percent.js';
export type {
  ClaimChart,
  ClaimChartSeries,
  ClaimEvidence,
  ClaimNumber,
  ClaimsOptions,
  NamedScenario,
  Strength,
  Verdict,
} from './types.js';
