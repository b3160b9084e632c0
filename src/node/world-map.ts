import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALLIANCE_MAP_CHART, type AllianceMapInput } from '../core/charts/map/index.js';
import type { WorldTopology } from '../core/charts/map/world.js';
import { type RenderedChart, renderChart } from './render-charts.js';

/** Natural Earth's scales that `world-atlas` ships: 1:50 million (the default) and 1:110 million. */
export type WorldDetail = '50m' | '110m';

const require = createRequire(import.meta.url);
const cache = new Map<WorldDetail, WorldTopology>();

/**
 * The countries of Natural Earth as TopoJSON, read from the `world-atlas` package once.
 *
 * @param detail `50m` (default) or `110m`.
 * @example readWorldTopology().objects.countries.geometries.length // 241
 */
export function readWorldTopology(detail: WorldDetail = '50m'): WorldTopology {
  let topology = cache.get(detail);
  if (topology === undefined) {
    const file = require.resolve(`world-atlas/countries-${detail}.json`);
    topology = JSON.parse(readFileSync(file, 'utf8')) as WorldTopology;
    cache.set(detail, topology);
  }
  return topology;
}

/**
 * Render the map of NATO and Russia for a year in Node: SVG through linkedom, PNG through resvg.
 *
 * @param input Dataset, topology, year, mode and the run for simulated years.
 * @param format `svg` or `png`.
 * @param size Width and height in px (960×540).
 * @throws {RangeError} for a year the map cannot show, or a size that leaves no room for it.
 * @example renderAllianceMap({ dataset, topology: readWorldTopology(), year: 2024, mode: 'membership' }, 'svg').file // 'alliance-map.svg'
 */
export function renderAllianceMap(
  input: AllianceMapInput,
  format: 'svg' | 'png',
  size: { readonly width?: number; readonly height?: number } = {},
): RenderedChart {
  return renderChart(ALLIANCE_MAP_CHART, input, format, { width: size.width ?? 960, height: size.height ?? 540 });
}
