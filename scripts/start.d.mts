/** What the build reads: files, or folders taken whole. */
export declare const INPUTS: readonly string[];
/** What the build writes, one file per step. */
export declare const OUTPUTS: readonly string[];
/** Whether the build under `root` is current and, when it is not, why. */
export declare function buildState(root: string): { current: boolean; reason: string };
