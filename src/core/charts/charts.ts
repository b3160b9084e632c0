import type { SimulationResult } from '../simulate.js';
import { alliesBurden } from './allies-burden.js';
import type { ChartBuildOptions, ChartDefinition, ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { composeChart } from './compose-chart.js';

function define(
  id: string,
  title: string,
  spec: (result: SimulationResult, options?: ChartSpecOptions) => ChartSpec,
): ChartDefinition {
  return {
    id,
    title,
    spec,
    build: (result: SimulationResult, options: ChartBuildOptions) =>
      composeChart(spec(result, options), { document: options.document, width: options.width, height: options.height }),
  };
}

/** Every chart of a simulated run, in reading order. */
export const CHARTS: readonly ChartDefinition[] = [
  define('allies-burden', "NATO allies' military burden", alliesBurden),
];
