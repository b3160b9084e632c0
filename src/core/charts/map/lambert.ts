/**
 * The Lambert conformal conic projection as d3-geo computes it (`geoConicConformal` before its
 * scale and translation): x to the east, y to the north, in radians of the unit sphere. The map
 * draws through Plot's `conic-conformal` projection; these formulas place the inset in the same
 * projected plane and find the longitudes and latitudes that land there.
 */

const HALF_PI = Math.PI / 2;
const EPSILON = 1e-6;
const RADIANS = Math.PI / 180;
const DEGREES = 180 / Math.PI;

/** A conic conformal projection centred on a meridian with two standard parallels, in degrees. */
export interface ConicConformal {
  /** Longitude of the central meridian, degrees east. */
  readonly centre: number;
  /** The two standard parallels, degrees north. */
  readonly parallels: readonly [number, number];
}

const tanHalf = (phi: number) => Math.tan((HALF_PI + phi) / 2);

function constants({ parallels }: ConicConformal): { n: number; f: number } {
  const y0 = parallels[0] * RADIANS;
  const y1 = parallels[1] * RADIANS;
  const cy0 = Math.cos(y0);
  const n = y0 === y1 ? Math.sin(y0) : Math.log(cy0 / Math.cos(y1)) / Math.log(tanHalf(y1) / tanHalf(y0));
  return { n, f: (cy0 * tanHalf(y0) ** n) / n };
}

/** Longitude relative to the central meridian, in (−180°, 180°], as radians. */
function relativeLongitude(lon: number, centre: number): number {
  let d = (lon - centre) % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d * RADIANS;
}

/**
 * Project a point given in degrees.
 *
 * @example conicForward({ centre: 20, parallels: [40, 65] }, [20, 50])[0] // 0
 */
export function conicForward(projection: ConicConformal, [lon, lat]: readonly [number, number]): [number, number] {
  const { n, f } = constants(projection);
  const x = relativeLongitude(lon, projection.centre);
  let y = lat * RADIANS;
  if (f > 0) {
    if (y < -HALF_PI + EPSILON) y = -HALF_PI + EPSILON;
  } else if (y > HALF_PI - EPSILON) y = HALF_PI - EPSILON;
  const r = f / tanHalf(y) ** n;
  return [r * Math.sin(n * x), f - r * Math.cos(n * x)];
}

/**
 * The point in degrees that projects to `[x, y]`.
 *
 * @example conicInverse(p, conicForward(p, [-9, 39])) // [-9, 39] up to rounding
 */
export function conicInverse(projection: ConicConformal, [x, y]: readonly [number, number]): [number, number] {
  const { n, f } = constants(projection);
  const fy = f - y;
  const r = Math.sign(n) * Math.sqrt(x * x + fy * fy);
  let l = Math.atan2(x, Math.abs(fy)) * Math.sign(fy);
  if (fy * n < 0) l -= Math.PI * Math.sign(x) * Math.sign(fy);
  const lon = (l / n) * DEGREES + projection.centre;
  const lat = (2 * Math.atan((f / r) ** (1 / n)) - HALF_PI) * DEGREES;
  return [lon, lat];
}
