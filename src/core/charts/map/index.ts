import type { Dataset } from '../../data/dataset.js';
import type { SimulationResult } from '../../simulate.js';
import type { ChartSpecOptions } from '../chart-spec.js';
import { defineChart } from '../compose-chart.js';
import { allianceMap } from './alliance-map.js';
import type { MapMode } from './map-data.js';
import type { WorldTopology } from './world.js';

/** What the map of a year draws: the dataset, the countries' geometry, the year and mode, a run. */
export interface AllianceMapInput {
  readonly dataset: Dataset;
  readonly topology: WorldTopology;
  readonly year: number;
  readonly mode: MapMode;
  /** The run whose years the map draws from it. */
  readonly result?: SimulationResult | undefined;
}

/** The map as a chart: `build` composes it into one standalone `<svg>` like every other chart. */
export const ALLIANCE_MAP_CHART = defineChart<AllianceMapInput, ChartSpecOptions>(
  'alliance-map',
  'Map of NATO and Russia',
  (input, options = {}) => allianceMap(input.dataset, input.topology, { ...input, interactive: options.interactive }),
);

export {
  type AllianceMapOptions,
  allianceMap,
  allianceMapSpec,
  EUROPE_PROJECTION,
  type MapFeature,
} from './alliance-map.js';
export { type ConicConformal, conicForward, conicInverse } from './lambert.js';
export {
  type AllianceMapData,
  type AllianceMapDataOptions,
  allianceMapData,
  FIRST_MAP_YEAR,
  lastDataYear,
  MAP_MODES,
  type MapCategory,
  type MapMode,
  type MapRow,
  mapYears,
  rowText,
} from './map-data.js';
export { ISO_NUMERIC, iso3Of, SOVIET_REPUBLICS, type TopologyCountry, type WorldTopology } from './world.js';
