import type { ClaimEvidence } from '../../src/core/analyze/claims/types.js';
import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import type { ChunkSummary, EnsembleResult } from '../../src/core/ensemble/run-ensemble.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import type { FittedResponses } from './levers.js';

/** An edition of NATO's figures the pledge tracker can show, with the years it covers. */
export interface EditionInfo {
  readonly edition: string;
  readonly firstYear: number;
  readonly lastYear: number;
}

/** An ally of the scenario's first year, for the per-ally compliance table. */
export interface AllyInfo {
  readonly iso3: string;
  readonly name: string;
  /** Latest burden on SIPRI's definition, % of GDP, and its year; undefined without data. */
  readonly burden?: number;
  readonly year?: number;
}

/** What the worker knows once it has loaded the dataset. */
export interface WorkerReady {
  readonly type: 'ready';
  readonly editions: readonly EditionInfo[];
  /** The committed fit the levers start from; undefined when the dataset has none. */
  readonly fitted: FittedResponses | undefined;
  /** How the default responses did out of sample, one sentence; undefined without a fit. */
  readonly validation: string | undefined;
  readonly allies: readonly AllyInfo[];
  /** The status quo preset run over the dashboard's years: the baseline until the user pins another. */
  readonly baseline: SimulationResult;
  /** Every edition of the data with its publisher, release and citation, for the page's sources. */
  readonly sources: readonly SourceLine[];
}

/** One edition of the embedded data, as the page lists it. */
export interface SourceLine {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly released: string;
  readonly citation: string;
}

/** Messages the page posts to a simulation worker. */
export type WorkerRequest =
  | { readonly kind: 'run'; readonly id: number; readonly scenario: unknown }
  /** Run an ensemble and summarise it; with `split`, the odd chunks come from a partner worker. */
  | { readonly kind: 'ensemble'; readonly id: number; readonly scenario: unknown; readonly split: boolean }
  /** Run the odd chunks of an ensemble for the worker that summarises it. */
  | { readonly kind: 'chunks'; readonly id: number; readonly scenario: unknown }
  /** Stop any ensemble under way (the ensemble was turned off). */
  | { readonly kind: 'cancel'; readonly id: number }
  /**
   * This worker's end of the channel to the other simulation worker, sent once: the worker that runs
   * the odd chunks sends them over it ({@link ChunkMessage}), the worker that summarises listens.
   */
  | { readonly kind: 'partner'; readonly port: MessagePort }
  | {
      readonly kind: 'pledge';
      readonly id: number;
      readonly year: number;
      readonly edition: string;
      /** Share of GDP, e.g. 0.02. */
      readonly threshold: number;
    }
  | { readonly kind: 'claims'; readonly id: number };

/** Messages a worker posts back. */
export type WorkerResponse =
  | WorkerReady
  /** A run, without its stability margins (they follow as `stability`, unless a newer run came first). */
  | { readonly type: 'result'; readonly id: number; readonly result: SimulationResult; readonly elapsedMs: number }
  | { readonly type: 'stability'; readonly id: number; readonly stability: SimulationResult['stability'] }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'ensemble'; readonly id: number; readonly result: EnsembleResult; readonly elapsedMs: number }
  | { readonly type: 'pledge'; readonly id: number; readonly report: PledgeReport }
  | { readonly type: 'claims'; readonly id: number; readonly evidence: readonly ClaimEvidence[] }
  /** `about: 'ensemble'` for an ensemble's failure, whichever worker ran into it. */
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly about?: 'ensemble' };

/**
 * What the worker running an ensemble's odd chunks sends the worker that summarises it, over their
 * channel: each chunk's summary, then its histogram counts (9 MB), or its failure. The typed arrays'
 * buffers are handed over, not copied.
 */
export type ChunkMessage =
  | { readonly kind: 'chunk'; readonly id: number; readonly summary: ChunkSummary }
  | { readonly kind: 'chunk-counts'; readonly id: number; readonly counts: Int32Array }
  | { readonly kind: 'chunk-error'; readonly id: number; readonly message: string }
  /**
   * The partner's counts of ensemble `id` handed back once summarised: its next ensemble counts
   * into them (zeroed) instead of 9 MB of fresh memory, which the first chunk paid for in page faults.
   */
  | { readonly kind: 'spare-counts'; readonly id: number; readonly counts: Int32Array };
