import type { SimulationResult } from '../simulate.js';
import { alliesAtThresholds } from './allies-at-thresholds.js';
import { alliesBurden } from './allies-burden.js';
import { balance } from './balance.js';
import { blocSpending } from './bloc-spending.js';
import type { ChartDefinition, ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { defineChart } from './compose-chart.js';
import { raceIntensity } from './race-intensity.js';
import { russiaBurden } from './russia-burden.js';
import { securityRatio } from './security-ratio.js';

const define = (
  id: string,
  title: string,
  spec: (result: SimulationResult, options?: ChartSpecOptions) => ChartSpec,
  drawsBaseline: boolean,
): ChartDefinition => ({ ...defineChart<SimulationResult, ChartSpecOptions>(id, title, spec), drawsBaseline });

/** Every chart of a simulated run, in reading order. */
export const CHARTS: readonly ChartDefinition[] = [
  define('allies-burden', "NATO allies' military burden", alliesBurden, false),
  define('russia-burden', "Russia's military burden", russiaBurden, true),
  define('bloc-spending', 'Military spending by bloc', blocSpending, true),
  define('balance', 'Balance of military capability', balance, false),
  define('security-ratio', 'Security ratio', securityRatio, false),
  define('race-intensity', 'Arms race intensity', raceIntensity, false),
  define('allies-at-thresholds', 'Allies meeting the spending targets', alliesAtThresholds, true),
];
