/** What a fuzz target reports after its cases: counts of each kind of failure, and the failures. */
export type FuzzSummary = {
  target: string;
  cases: number;
  crashes: number;
  nonFinite: number;
  overTime: number;
  failures: { input: string; message: string }[];
};
