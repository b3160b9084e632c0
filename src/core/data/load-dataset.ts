import { Dataset, type DatasetData } from './dataset.js';
import { EMBEDDED_JSON } from './embedded.generated.js';

let cached: Dataset | undefined;

/**
 * The embedded dataset: NATO's 2025 and 2024 editions, SIPRI's 2025 release (subset), IMF and
 * World Bank GDP, FAS warhead inventories, geography and NATO's membership timeline.
 * Parsed once and shared; the dataset is read-only.
 *
 * @example loadDataset().members(2014).length // 28
 */
export function loadDataset(): Dataset {
  cached ??= new Dataset(JSON.parse(EMBEDDED_JSON) as DatasetData);
  return cached;
}
