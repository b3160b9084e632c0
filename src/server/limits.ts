/** Limits the HTTP API enforces on every request; each has a 4xx or 503 answer that names it. */
export interface ServerLimits {
  /** Largest request body, in bytes; larger → 413. */
  readonly maxBodyBytes: number;
  /** Deepest nesting of arrays and objects in a JSON body; deeper → 400 `too-deep`. */
  readonly maxJsonDepth: number;
  /** Most ensemble members one request may ask for; more → 422. */
  readonly maxEnsembleRuns: number;
  /** Longest run, end − start in years; longer → 422. */
  readonly maxHorizonYears: number;
  /** Wall-clock time one run (with its ensemble) may take, in milliseconds; longer → 503. */
  readonly timeBudgetMs: number;
  /** Runs computed at the same time; one more → 503. */
  readonly maxConcurrentRuns: number;
  /** Worker threads one ensemble uses at once; default all of the server's pool (the machine's available parallelism). */
  readonly ensembleWorkers?: number;
}

/** The defaults: 256 KiB bodies nested at most 64 deep, 5,000 members, 100 years, 20 s, 4 runs at once. */
export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 256 * 1024,
  maxJsonDepth: 64,
  maxEnsembleRuns: 5000,
  maxHorizonYears: 100,
  timeBudgetMs: 20_000,
  maxConcurrentRuns: 4,
};
