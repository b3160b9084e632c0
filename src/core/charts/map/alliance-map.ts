import * as Plot from '@observablehq/plot';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Dataset } from '../../data/dataset.js';
import type { SimulationResult } from '../../simulate.js';
import type { ChartSpec } from '../chart-spec.js';
import { type ConicConformal, conicForward, conicInverse } from './lambert.js';
import {
  type AllianceMapData,
  allianceMapData,
  type MapCategory,
  type MapMode,
  type MapRow,
  OTHER,
  rowText,
} from './map-data.js';
import { iso3Of, type TopologyCountry, type WorldTopology } from './world.js';

/** Options of {@link allianceMap}. */
export interface AllianceMapOptions {
  /** Calendar year, from 1949. */
  readonly year: number;
  readonly mode: MapMode;
  /** A run: its years are drawn from it instead of the data. */
  readonly result?: SimulationResult | undefined;
  /** Width of the whole chart in px; default 960. */
  readonly width?: number | undefined;
  /** Height of the whole chart in px; default 540. */
  readonly height?: number | undefined;
  /** Give every country a tooltip (for a page; static images leave them out). */
  readonly interactive?: boolean | undefined;
}

/** A GeoJSON position, line or ring, in degrees. */
type Position = [number, number];
interface Geometry {
  readonly type: string;
  readonly coordinates?: unknown;
  readonly geometries?: readonly Geometry[];
}

/** A country as the map draws it: one feature per ISO3 code, with its row's text. */
export interface MapFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly properties: { readonly iso3: string | null; readonly name: string; readonly text: string };
  readonly geometry: Geometry;
}

/** Europe on a conformal conic centred on 20° E: the projection Plot draws the map with. */
export const EUROPE_PROJECTION: ConicConformal = { centre: 20, parallels: [43, 62] };

/**
 * The extent the map fits: Portugal and Iceland to the Urals, the Arctic coast to Turkey, with the
 * Atlantic west of Iberia for the North American inset.
 */
const EXTENT: Position[] = [
  [-24.6, 63.3],
  [-18, 66.6],
  [-31, 38],
  [-9.5, 36],
  [33, 34.4],
  [36, 35.8],
  [44.8, 37],
  [60, 50],
  [60, 68.5],
  [26, 71.3],
];

/** Where features may touch the frame; the rest of the world is left out of the SVG. */
const NEAR = { west: -50, east: 95, south: 22, north: 84 };

/** North America on its own conformal conic, for the inset. */
const AMERICA_PROJECTION: ConicConformal = { centre: -100, parallels: [33, 60] };
/** The part of the United States and Canada the inset shows: the mainland, Alaska and the Arctic islands. */
const AMERICA = { west: -170, east: -50, south: 23, north: 84 };
const INSET_CODES = new Set(['USA', 'CAN']);
/** The inset's box as shares of the map's projected width and height, from its bottom left. */
const INSET_BOX = { width: 0.2, height: 0.3 };

const OCEAN = '#f3f7fa';
const FRONTIER = '#111111';
const SVG_TEXT = '#222222';

/** Every position of a geometry, flattened. */
function positions(geometry: Geometry): Position[] {
  if (geometry.geometries !== undefined) return geometry.geometries.flatMap(positions);
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(geometry.coordinates);
  return out;
}

const within = (box: typeof NEAR, [lon, lat]: Position) =>
  lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;

/** The polygons of a (multi)polygon geometry, as lists of rings. */
function polygons(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/** The GeoJSON geometry of one country of the topology. */
function geometryOf(topology: Topology, country: TopologyCountry): Geometry {
  const converted = feature(topology, country as unknown as GeometryCollection['geometries'][number]);
  return (converted as unknown as { geometry: Geometry }).geometry;
}

/**
 * The countries of the topology as features, one per ISO3 code (a country's dependencies merged
 * into it), with the name of the dataset where the map names the country.
 */
function countryFeatures(
  topology: WorldTopology,
  dataset: Dataset,
): { iso3: string | undefined; feature: MapFeature }[] {
  const topo = topology as unknown as Topology;
  const groups = new Map<string, TopologyCountry[]>();
  const loose: TopologyCountry[] = [];
  for (const country of topology.objects.countries.geometries) {
    const iso3 = iso3Of(country);
    if (iso3 === undefined) loose.push(country);
    else groups.set(iso3, [...(groups.get(iso3) ?? []), country]);
  }
  const out: { iso3: string | undefined; feature: MapFeature }[] = [];
  for (const [iso3, members] of groups) {
    const geometry =
      members.length === 1
        ? geometryOf(topo, members[0] as TopologyCountry)
        : (merge(topo, members as unknown as Parameters<typeof merge>[1]) as Geometry);
    const name = dataset.country(iso3)?.name ?? members[0]?.properties?.name ?? iso3;
    out.push({ iso3, feature: { type: 'Feature', id: iso3, properties: { iso3, name, text: name }, geometry } });
  }
  for (const [i, country] of loose.entries()) {
    const geometry = geometryOf(topo, country);
    const name = country.properties?.name ?? 'Unnamed';
    out.push({
      iso3: undefined,
      feature: { type: 'Feature', id: `ne-${i}`, properties: { iso3: null, name, text: name }, geometry },
    });
  }
  return out;
}

/** The bounding box of positions projected with `projection`. */
function projectedBox(projection: ConicConformal, points: readonly Position[]) {
  const xy = points.map((p) => conicForward(projection, p));
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** The inset: where it sits in Europe's projected plane, and how a North American point gets there. */
interface Inset {
  /** Its box as a ring of degrees (clockwise, densified so that it stays straight). */
  readonly ring: Position[];
  /** Where its label goes, in degrees. */
  readonly label: Position;
  readonly place: (point: Position) => Position;
}

function inset(northAmerica: readonly Position[]): Inset {
  const europe = projectedBox(EUROPE_PROJECTION, EXTENT);
  const america = projectedBox(AMERICA_PROJECTION, northAmerica);
  const pad = 0.06;
  const box = {
    x0: europe.x0,
    y0: europe.y0,
    x1: europe.x0 + (europe.x1 - europe.x0) * INSET_BOX.width,
    y1: europe.y0 + (europe.y1 - europe.y0) * INSET_BOX.height,
  };
  const inner = {
    x0: box.x0 + (box.x1 - box.x0) * pad,
    x1: box.x1 - (box.x1 - box.x0) * pad,
    y0: box.y0 + (box.y1 - box.y0) * pad,
    y1: box.y1 - (box.y1 - box.y0) * pad,
  };
  const k = Math.min(
    (inner.x1 - inner.x0) / (america.x1 - america.x0),
    (inner.y1 - inner.y0) / (america.y1 - america.y0),
  );
  const cx = (inner.x0 + inner.x1) / 2 - (k * (america.x0 + america.x1)) / 2;
  const cy = (inner.y0 + inner.y1) / 2 - (k * (america.y0 + america.y1)) / 2;
  const place = (point: Position): Position => {
    const [x, y] = conicForward(AMERICA_PROJECTION, point);
    return conicInverse(EUROPE_PROJECTION, [cx + k * x, cy + k * y]);
  };
  const steps = 24;
  const side = (from: Position, to: Position): Position[] =>
    Array.from({ length: steps }, (_, i) => [
      from[0] + ((to[0] - from[0]) * i) / steps,
      from[1] + ((to[1] - from[1]) * i) / steps,
    ]);
  const corners: Position[] = [
    [box.x0, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
    [box.x1, box.y0],
  ];
  const plane = corners.flatMap((c, i) => side(c, corners[(i + 1) % 4] as Position));
  const ring = [...plane, corners[0] as Position].map((p) => conicInverse(EUROPE_PROJECTION, p));
  const label = conicInverse(EUROPE_PROJECTION, [box.x0 + (box.x1 - box.x0) * pad, box.y1 - (box.y1 - box.y0) * pad]);
  return { ring, label, place };
}

/** The countries the map draws, once per topology and dataset: the slow part of a map. */
interface Prepared {
  readonly countries: readonly { iso3: string | undefined; inset: boolean; feature: MapFeature }[];
  readonly box: Inset;
}

const preparedCache = new WeakMap<WorldTopology, WeakMap<Dataset, Prepared>>();

function prepare(topology: WorldTopology, dataset: Dataset): Prepared {
  let byDataset = preparedCache.get(topology);
  if (byDataset === undefined) {
    byDataset = new WeakMap();
    preparedCache.set(topology, byDataset);
  }
  const cached = byDataset.get(dataset);
  if (cached !== undefined) return cached;
  const all = countryFeatures(topology, dataset);
  const america = all.flatMap((c) => (c.iso3 !== undefined && INSET_CODES.has(c.iso3) ? [c.feature] : []));
  const box = inset(america.flatMap((f) => positions(f.geometry).filter((p) => within(AMERICA, p))));
  const countries = all.flatMap(({ iso3, feature: f }) => {
    if (iso3 !== undefined && INSET_CODES.has(iso3)) {
      return [{ iso3, inset: true, feature: { ...f, geometry: toInset(f.geometry, box.place) } }];
    }
    return positions(f.geometry).some((p) => within(NEAR, p)) ? [{ iso3, inset: false, feature: f }] : [];
  });
  const result = { countries, box };
  byDataset.set(dataset, result);
  return result;
}

/** North America's polygons moved into the inset. */
function toInset(geometry: Geometry, place: (p: Position) => Position): Geometry {
  const kept = polygons(geometry).filter((rings) => (rings[0] ?? []).every((p) => within(AMERICA, p)));
  return { type: 'MultiPolygon', coordinates: kept.map((rings) => rings.map((ring) => ring.map(place))) };
}

/** The legend in the right margin: a swatch and a label per category, then the border's line. */
function legend(title: string, categories: readonly MapCategory[], frontier: string | undefined): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const left = 20;
  const row = 20;
  marks.push(
    Plot.text([title], {
      frameAnchor: 'top-right',
      dx: left - 6,
      dy: 6,
      textAnchor: 'start',
      fontWeight: 'bold',
      fontSize: 12,
      fill: SVG_TEXT,
      className: 'map-legend-title',
    }),
  );
  categories.forEach((c, i) => {
    const dy = 6 + row * (i + 1);
    marks.push(
      Plot.dot([c.key], {
        frameAnchor: 'top-right',
        dx: left + 6,
        dy,
        r: 6.5,
        symbol: 'square',
        fill: c.fill,
        stroke: '#8a8a8a',
        strokeWidth: 0.75,
        className: `map-legend-swatch map-legend-${c.key}`,
      }),
      Plot.text([c.label], {
        frameAnchor: 'top-right',
        dx: left + 18,
        dy,
        textAnchor: 'start',
        fontSize: 12,
        fill: SVG_TEXT,
        className: 'map-legend-label',
      }),
    );
  });
  if (frontier !== undefined) {
    const dy = 6 + row * (categories.length + 1);
    const line = {
      draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }, size: number) {
        const w = Math.sqrt(size) * 0.9;
        context.moveTo(-w, 0);
        context.lineTo(w, 0);
      },
    };
    marks.push(
      Plot.dot([0], {
        frameAnchor: 'top-right',
        dx: left + 6,
        dy,
        r: 6.5,
        symbol: line,
        stroke: FRONTIER,
        strokeWidth: 2.5,
        className: 'map-legend-frontier',
      }),
      Plot.text([frontier], {
        frameAnchor: 'top-right',
        dx: left + 18,
        dy,
        textAnchor: 'start',
        fontSize: 12,
        fill: SVG_TEXT,
        lineWidth: 13,
        lineAnchor: 'top',
        className: 'map-legend-label',
      }),
    );
  }
  return marks;
}

const names = (dataset: Dataset, codes: readonly string[]) => codes.map((c) => dataset.country(c)?.name ?? c);

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function texts(dataset: Dataset, data: AllianceMapData): { title: string; subtitle: string; caption: string[] } {
  const { year, rows } = data;
  const simulated = data.basis === 'simulated' ? ` (simulated, scenario ${data.scenario})` : '';
  const soviet = data.russianSide.length > 2;
  const side = soviet ? 'the Soviet Union' : 'Russia and Belarus';
  const allies = rows.filter((r) => r.ally);
  let title: string;
  let subtitle: string;
  if (data.mode === 'membership') {
    title = `NATO's allies in ${year}`;
    subtitle = `${data.allies} allies${simulated}, shaded by when they joined; ${side} in ${soviet ? 'red' : 'red and brown'}.`;
  } else {
    const count = (key: string) => allies.filter((r) => r.category === key).length;
    const missing = count('no-figure');
    title = `NATO allies' military burden in ${year}`;
    subtitle =
      `Military expenditure as a share of GDP on SIPRI's definition${simulated}: ` +
      `${count('at-2') + count('at-3-5')} of ${data.allies} allies at 2 % or more, ${count('at-3-5')} at 3.5 % or more` +
      `${missing > 0 ? `, ${missing} ${data.basis === 'simulated' ? 'not in the run' : 'without a figure'}` : ''}.`;
  }
  const frontline =
    data.frontline.length === 0
      ? `No ally has a land border with ${side}.`
      : `Black: the land border of ${list(names(dataset, data.frontline))} with ${side}.`;
  const america = ['USA', 'CAN'].flatMap((c) => {
    const row = rows.find((r) => r.iso3 === c && r.ally);
    return row === undefined ? [] : [c === 'USA' ? 'the United States' : row.name];
  });
  const inset =
    america.length === 0
      ? ''
      : ` ${list(america).replace(/^t/, 'T')}, ${america.length === 1 ? 'an ally' : 'allies'} since 1949, in the inset (not to scale).`;
  return { title, subtitle, caption: [frontline + inset, ...data.sources] };
}

/**
 * Describe a map of Europe for a year: NATO's allies coloured by when they joined (`membership`)
 * or by their military burden against the 2 % and 3.5 % pledges (`burden`), Russia and Belarus (the
 * Soviet Union before 1992) in their own colours, the allies' land border with them in black, and
 * the United States and Canada in an inset. Data years come from the dataset; years of a run from
 * the run. Plot draws it on a conformal conic centred on 20° E.
 *
 * @param dataset Accessions, burdens, land borders and names.
 * @param topology The `world-atlas` countries TopoJSON (50m or 110m), read by the caller.
 * @param options `year`, `mode`, the run for simulated years, the size in px (960×540), tooltips.
 * @throws {RangeError} for a year before 1949 or after the data without a run covering it.
 * @example allianceMap(loadDataset(), world, { year: 2024, mode: 'burden' }).id // 'alliance-map'
 */
export function allianceMap(dataset: Dataset, topology: WorldTopology, options: AllianceMapOptions): ChartSpec {
  const data = allianceMapData(dataset, options);
  return allianceMapSpec(dataset, topology, data, options);
}

/**
 * The map of {@link allianceMap} from its data, already computed.
 *
 * @example allianceMapSpec(dataset, world, allianceMapData(dataset, { year: 1990, mode: 'membership' })).title // "NATO's allies in 1990"
 */
export function allianceMapSpec(
  dataset: Dataset,
  topology: WorldTopology,
  data: AllianceMapData,
  options: Pick<AllianceMapOptions, 'interactive'> = {},
): ChartSpec {
  const byCode = new Map<string, MapRow>(data.rows.map((r) => [r.iso3, r]));
  const { countries: prepared, box } = prepare(topology, dataset);
  const features = prepared.map(({ iso3, inset: inInset, feature: f }) => {
    const row = iso3 === undefined ? undefined : byCode.get(iso3);
    const text = row === undefined ? f.properties.name : rowText(row, data.year);
    return {
      category: row?.category ?? OTHER.key,
      inset: inInset,
      feature: { ...f, properties: { ...f.properties, text } },
    };
  });

  const interactive = options.interactive === true;
  const draw = (inInset: boolean) =>
    [...data.categories].reverse().flatMap((c) => {
      const drawn = features.filter((f) => f.category === c.key && f.inset === inInset).map((f) => f.feature);
      if (drawn.length === 0) return [];
      return [
        Plot.geo(drawn, {
          fill: c.fill,
          stroke: c.fill === '#ffffff' ? '#8a8a8a' : '#ffffff',
          strokeWidth: 0.5,
          className: `map-country map-${c.key}${c.ally ? ' map-ally' : ''}`,
          ...(interactive ? { title: (f: MapFeature) => f.properties.text } : {}),
        }),
      ];
    });

  const sides = new Set(data.russianSide);
  const allies = new Set(data.rows.filter((r) => r.ally).map((r) => r.iso3));
  const neighbours = new Map(data.russianSide.map((r) => [r, new Set(dataset.landNeighbours(r))]));
  const frontierPair = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && sides.has(a) && allies.has(b) && neighbours.get(a)?.has(b) === true;
  const border = mesh(
    topology as unknown as Topology,
    topology.objects.countries as unknown as GeometryCollection,
    (a, b) => {
      const x = iso3Of(a as unknown as TopologyCountry);
      const y = iso3Of(b as unknown as TopologyCountry);
      return a !== b && (frontierPair(x, y) || frontierPair(y, x));
    },
  );
  const hasBorder = border.coordinates.length > 0;
  const side = data.russianSide.length > 2 ? 'the Soviet Union' : 'Russia and Belarus';
  const { title, subtitle, caption } = texts(dataset, data);
  const legendTitle = data.mode === 'membership' ? `NATO in ${data.year}` : `Burden in ${data.year}`;

  return {
    id: 'alliance-map',
    title,
    subtitle,
    caption,
    plot: {
      marginTop: 4,
      marginBottom: 4,
      marginLeft: 4,
      marginRight: 200,
      projection: {
        type: 'conic-conformal',
        parallels: [...EUROPE_PROJECTION.parallels],
        rotate: [-EUROPE_PROJECTION.centre, 0],
        domain: { type: 'MultiPoint', coordinates: EXTENT },
      },
      marks: [
        Plot.geo({ type: 'Sphere' }, { fill: OCEAN, stroke: 'none', className: 'map-ocean' }),
        ...draw(false),
        Plot.geo([{ type: 'Polygon', coordinates: [box.ring] }], {
          fill: 'white',
          stroke: '#9a9a9a',
          strokeWidth: 0.75,
          className: 'map-inset-box',
        }),
        ...draw(true),
        ...(hasBorder ? [Plot.geo(border, { stroke: FRONTIER, strokeWidth: 2, className: 'map-frontier' })] : []),
        Plot.text(['United States and Canada'], {
          x: () => box.label[0],
          y: () => box.label[1],
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: -5,
          fontSize: 11,
          fill: '#555555',
          className: 'map-inset-label',
        }),
        ...legend(legendTitle, data.categories, hasBorder ? `Allies' land border with ${side}` : undefined),
      ],
    },
  };
}
