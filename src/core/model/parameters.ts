import type { ScenarioInput } from '../scenario/schema.js';
import type { PledgeTerm } from './pledge-path.js';
import type { WarTerm } from './war.js';

/** Per-actor parameters of the demand model, all defaults applied. */
export interface ActorParameters {
  readonly iso3: string;
  readonly name: string;
  /** Year the actor joins NATO (data or scenario); `Infinity` when it never does. */
  readonly joinsNato: number;
  readonly russianBloc: boolean;
  readonly partner: boolean;
  readonly startShare: number;
  /** Year whose observation gave `startShare`. */
  readonly startShareYear: number;
  /** The edition that observation comes from (`nato-2026` for an ally under `burdens: nato`). */
  readonly startShareSource: string;
  readonly elasticity: number;
  readonly spillIn: number;
  readonly speed: number;
  readonly compliance: number;
  /**
   * `compliance: binding`: κ = 1 and the pledge path is a floor under the burden (at or below the
   * path, the burden rises at least as fast as the path).
   */
  readonly binding: boolean;
  readonly buildShare: number;
  readonly floor: number;
  readonly minShare: number;
  readonly maxShare: number;
  readonly war: WarTerm;
  readonly pledges: readonly PledgeTerm[];
  readonly longRunGrowth: number | undefined;
}

/** A scenario with every default filled in, ready to build a model from. */
export interface ResolvedScenario {
  readonly name: string;
  readonly model: 'demand' | 'richardson';
  readonly start: number;
  readonly end: number;
  readonly stepYears: number;
  readonly solver: 'rk4' | 'dopri';
  readonly decayKm: number;
  readonly depreciation: number;
  readonly usdInflation: number | undefined;
  readonly burdenSource: string;
  /**
   * Whose definition the allies' start burdens follow: `sipri` (every actor on SIPRI's) or `nato`
   * (allies from NATO's latest edition, the others from SIPRI's, which NATO does not report).
   */
  readonly burdens: 'sipri' | 'nato';
  /** One clause naming the editions and definitions of the start burdens, for reports and captions. */
  readonly burdenNote: string;
  readonly actors: readonly ActorParameters[];
  readonly input: ScenarioInput;
}
