import world from 'world-atlas/countries-50m.json';
import type { WorldTopology } from '../../src/core/charts/map/world.js';
import type { Dataset } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';

/**
 * What the map draws besides a run: the embedded dataset and Natural Earth's borders (1:50m).
 * Loaded on its own, after the page: neither weighs on the first charts.
 */
export function mapAssets(): { readonly dataset: Dataset; readonly topology: WorldTopology } {
  return { dataset: loadDataset(), topology: world };
}
