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
