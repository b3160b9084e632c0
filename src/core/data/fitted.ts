/** One fitted parameter with its bootstrap summary. */
export interface FittedParameter {
  readonly estimate: number;
  readonly standard_error: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The committed fit the simulator takes its default responses from (`data/fitted.json`, written by
 * `armsrace fit --model demand --write-defaults`).
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
  readonly parameters: {
    /** λ, 1/years. */
    readonly speed: FittedParameter;
    /** ε of every actor but Russia. */
    readonly elasticity: FittedParameter;
    /** ε of Russia. */
    readonly elasticity_RUS: FittedParameter;
    /** η. */
    readonly spill_in: FittedParameter;
  };
  /** Bootstrap replications of the four parameters, aligned (one entry per replication). */
  readonly draws: {
    readonly speed: readonly number[];
    readonly elasticity: readonly number[];
    readonly elasticity_RUS: readonly number[];
    readonly spill_in: readonly number[];
  };
  readonly caveats: readonly string[];
}
