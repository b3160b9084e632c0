/** The alliance-demand model (docs/model.md §2): types, preparation, compilation, and the kernel. */

export { buildDemandModel } from './build.js';
export { prepareDemandModel } from './prepare.js';
export type {
  DemandModel,
  DemandModelOptions,
  DemandSnapshot,
  MemberParameters,
  PreparedDemandModel,
} from './types.js';
