import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import type { SimulationResult } from '../../src/core/simulate.js';

/** An edition of NATO's figures the pledge tracker can show, with the years it covers. */
export interface EditionInfo {
  readonly edition: string;
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Messages the page posts to the simulation worker. */
export type WorkerRequest =
  | { readonly id: number; readonly scenario: unknown }
  | { readonly id: number; readonly pledge: { readonly year: number; readonly edition: string } };

/** Messages the worker posts back. */
export type WorkerResponse =
  | { readonly type: 'ready'; readonly editions: readonly EditionInfo[] }
  | { readonly type: 'result'; readonly id: number; readonly result: SimulationResult; readonly elapsedMs: number }
  | { readonly type: 'pledge'; readonly id: number; readonly report: PledgeReport }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
