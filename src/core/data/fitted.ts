/** One fitted parameter with its bootstrap summary and the bias-corrected estimate. */
export interface FittedParameter {
  readonly estimate: number;
  /** Half-panel jackknife estimate; `null` where it could not be computed. */
  readonly bias_corrected: number | null;
  readonly standard_error: number;
  readonly lower: number;
  readonly upper: number;
}

/** The response parameters of one actor as the scenario's `response` field takes them. */
export interface FittedResponse {
  readonly elasticity: number;
  readonly spill_in: number;
  readonly speed: number;
}

/** One specification's out-of-sample record: RMSE relative to the random walk, by horizon. */
export interface FittedValidationRow {
  readonly specification: string;
  readonly allies: readonly number[];
  readonly russia: readonly number[];
  readonly allies_mean: number;
  readonly russia_mean: number;
  readonly score: number;
  /** The allies' RMSE is at or below the random walk's at every horizon. */
  readonly accurate?: boolean;
  /** Its responses keep the default scenario and the status quo stable in every year to the end. */
  readonly stable?: boolean;
  /** The least stable year over those baselines: its stability margin (1/years) and mode. */
  readonly worst_margin?: {
    readonly scenario: string;
    readonly year: number;
    readonly margin: number;
    readonly mode: string;
  };
  /** Accurate and stable: a candidate for the default. */
  readonly admissible: boolean;
}

/**
 * The committed fit the simulator takes its default responses from (`data/fitted.json`, written by
 * `armsrace fit --model demand --write-defaults`): the specification chosen by the out-of-sample
 * validation, its per-actor responses, its bootstrap draws, and the named alternatives.
 */
export interface FittedDefaults {
  /** The command that produced the file. */
  readonly command: string;
  readonly model: 'demand';
  /** Source edition of the burdens and of the real GDP. */
  readonly data: { readonly burdens: string; readonly gdp: string };
  readonly span: readonly [number, number];
  readonly observations: number;
  readonly countries: readonly string[];
  readonly excluded: readonly { readonly iso3: string; readonly reason: string }[];
  /** How the default was chosen and the evidence. */
  readonly selection: {
    readonly specification: string;
    readonly rule: string;
    readonly margin: number;
    readonly reason: string;
    readonly origins: readonly number[];
    readonly horizons: readonly number[];
    readonly specifications: readonly FittedValidationRow[];
    /** RMSE (percentage points) by horizon of the default and the random walk. */
    readonly rmse: {
      readonly allies: { readonly model: readonly number[]; readonly random_walk: readonly number[] };
      readonly russia: { readonly model: readonly number[]; readonly random_walk: readonly number[] };
    };
  };
  /** The chosen specification's structural parameters. */
  readonly parameters: {
    /** λ of the allies (and of Belarus and Ukraine), 1/years. */
    readonly speed: FittedParameter;
    /** ε of an ally per unit of exposure to Russia (0 where the specification has no allies' threat term). */
    readonly threat_exposure: FittedParameter;
    /** η of the allies. */
    readonly spill_in: FittedParameter;
    /** λ of Russia. */
    readonly speed_RUS: FittedParameter;
    /** ε of Russia. */
    readonly elasticity_RUS: FittedParameter;
  };
  /** Each actor's exposure to Russia, `exp(−d/D)`. */
  readonly exposure: Readonly<Record<string, number>>;
  /** The default response of every default actor. */
  readonly responses: Readonly<Record<string, FittedResponse>>;
  /** The responses of every other specification, fitted on the same span (`response_fit` picks one). */
  readonly alternatives: Readonly<Record<string, Readonly<Record<string, FittedResponse>>>>;
  /**
   * Bootstrap replications of the chosen specification, aligned (one entry per replication); only
   * replications whose every response lies inside the scenario schema's bounds are kept.
   */
  readonly draws: {
    readonly speed: readonly number[];
    readonly threat_exposure: readonly number[];
    readonly spill_in: readonly number[];
    readonly speed_RUS: readonly number[];
    readonly elasticity_RUS: readonly number[];
  };
  /** Replications drawn, kept, and the rule that dropped the others. */
  readonly draws_kept: { readonly drawn: number; readonly kept: number; readonly rule: string };
  readonly warnings: readonly string[];
  readonly caveats: readonly string[];
}

/** The responses the simulator takes for `iso3` from a committed fit: the default or a named alternative. */
export function fittedResponse(
  fitted: FittedDefaults | undefined,
  iso3: string,
  specification?: string,
): FittedResponse | undefined {
  // A file of another layout (no per-actor responses) gives no defaults rather than a crash.
  if (fitted === undefined || typeof fitted.responses !== 'object' || fitted.selection === undefined) return undefined;
  const table =
    specification === undefined || specification === fitted.selection.specification
      ? fitted.responses
      : fitted.alternatives[specification];
  return table?.[iso3];
}
