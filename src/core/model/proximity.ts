import type { Capital } from '../data/types.js';
import { asin, cos, exp, sin } from '../math/elementary.js';

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points by the haversine formula, in km: the same bits on every
 * engine (portable sin, cos and asin, and the square root).
 *
 * @example greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 }) // 10007.5 (a quarter of the equator)
 */
export function greatCircleKm(a: Pick<Capital, 'lat' | 'lon'>, b: Pick<Capital, 'lat' | 'lon'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const sinLat = sin(dLat / 2);
  const sinLon = sin(dLon / 2);
  const h = sinLat * sinLat + cos(a.lat * rad) * cos(b.lat * rad) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Proximity weight of actor `j` seen from actor `i`, Boulding's loss-of-strength gradient:
 * `ω_ij = max(π_j, exp(−d_ij / D))`.
 *
 * @param distanceKm great-circle distance between the capitals, km
 * @param decayKm decay length `D`, km (> 0)
 * @param floor projection floor `π_j` of the observed power, 0…1
 * @throws {RangeError} for a non-positive decay length or a floor outside [0, 1].
 * @example proximityWeight(1500, 1500, 0) // 0.36787944117144233 (e^-1)
 */
export function proximityWeight(distanceKm: number, decayKm: number, floor = 0): number {
  if (!(decayKm > 0)) throw new RangeError(`decayKm: ${decayKm} must be a positive length in km, e.g. 1500`);
  if (!(floor >= 0 && floor <= 1)) throw new RangeError(`floor: ${floor} must lie between 0 and 1, e.g. 0.25`);
  if (!(distanceKm >= 0)) throw new RangeError(`distanceKm: ${distanceKm} must be a distance ≥ 0 in km`);
  return Math.max(floor, exp(-distanceKm / decayKm));
}

/**
 * Exposure of `iso3` to Russia: the proximity weight `exp(−d/D)` of Russia's capital seen from its
 * own (docs/model.md §1) without the projection floor, which describes the United States as a source of
 * threat, not its exposure; 0 for Russia itself or without coordinates.
 *
 * @example exposureToRussia(loadDataset(), 'EST', 1500) // ≈ 0.6
 */
export function exposureToRussia(
  dataset: { country(iso3: string): { readonly capital?: { lat: number; lon: number } } | undefined },
  iso3: string,
  decayKm: number,
): number {
  const a = dataset.country(iso3)?.capital;
  const r = dataset.country('RUS')?.capital;
  if (a === undefined || r === undefined || iso3 === 'RUS') return 0;
  return exp(-greatCircleKm(a, r) / decayKm);
}
