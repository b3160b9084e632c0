export { perpetualInventory } from './capability.js';
export { type PledgeTerm, pledgePath } from './pledge-path.js';
export { EARTH_RADIUS_KM, greatCircleKm, proximityWeight } from './proximity.js';
export type {
  RichardsonParameters,
  RichardsonSolutionOptions,
  RichardsonStability,
  TwoActorRichardsonParameters,
} from './richardson.js';
export {
  richardsonDerivative,
  richardsonEquilibrium,
  richardsonSolution,
  richardsonStability,
  richardsonSystemMatrix,
  twoActorEquilibrium,
  twoActorIsStable,
} from './richardson.js';
export { type WarTerm, warBurden } from './war.js';
