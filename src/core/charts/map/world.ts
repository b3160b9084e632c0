/**
 * The world's countries as Natural Earth draws them, in the TopoJSON of the `world-atlas` package
 * (`countries-50m.json` or `countries-110m.json`): the caller reads the file and passes it in, so
 * the core reads none.
 */

/** One country of the topology: ISO 3166-1 numeric code as text (`"643"`), its name, its arcs. */
export interface TopologyCountry {
  readonly type: string;
  /** Missing for a few places without a code (Kosovo, Northern Cyprus, Somaliland). */
  readonly id?: string | number;
  readonly properties?: { readonly name?: string };
  readonly arcs?: unknown;
}

/** The parts of a `world-atlas` topology the map reads. */
export interface WorldTopology {
  readonly type: 'Topology';
  readonly objects: {
    readonly countries: { readonly type: 'GeometryCollection'; readonly geometries: readonly TopologyCountry[] };
  };
  readonly arcs: readonly (readonly (readonly number[])[])[];
  readonly transform?: { readonly scale: readonly number[]; readonly translate: readonly number[] };
  readonly bbox?: readonly number[];
}

/**
 * ISO 3166-1 numeric code → the dataset's ISO3 code, for the countries the map names: every ally,
 * Russia, Belarus, the other former Soviet republics and Europe's other states and neighbours.
 * Dependencies inside an ally's treaty area are drawn as the ally (the Faroe Islands and Greenland
 * as Denmark, Åland as Finland, the Channel Islands and the Isle of Man as the United Kingdom).
 */
export const ISO_NUMERIC: Readonly<Record<string, string>> = {
  '008': 'ALB',
  '012': 'DZA',
  '020': 'AND',
  '031': 'AZE',
  '040': 'AUT',
  '051': 'ARM',
  '056': 'BEL',
  '070': 'BIH',
  '100': 'BGR',
  '112': 'BLR',
  '124': 'CAN',
  '191': 'HRV',
  '196': 'CYP',
  '203': 'CZE',
  '208': 'DNK',
  '233': 'EST',
  '234': 'DNK',
  '246': 'FIN',
  '248': 'FIN',
  '250': 'FRA',
  '268': 'GEO',
  '276': 'DEU',
  '300': 'GRC',
  '304': 'DNK',
  '336': 'VAT',
  '348': 'HUN',
  '352': 'ISL',
  '364': 'IRN',
  '368': 'IRQ',
  '372': 'IRL',
  '376': 'ISR',
  '380': 'ITA',
  '398': 'KAZ',
  '400': 'JOR',
  '417': 'KGZ',
  '422': 'LBN',
  '428': 'LVA',
  '434': 'LBY',
  '438': 'LIE',
  '440': 'LTU',
  '442': 'LUX',
  '470': 'MLT',
  '492': 'MCO',
  '498': 'MDA',
  '499': 'MNE',
  '504': 'MAR',
  '528': 'NLD',
  '578': 'NOR',
  '616': 'POL',
  '620': 'PRT',
  '642': 'ROU',
  '643': 'RUS',
  '674': 'SMR',
  '682': 'SAU',
  '688': 'SRB',
  '703': 'SVK',
  '705': 'SVN',
  '724': 'ESP',
  '752': 'SWE',
  '756': 'CHE',
  '760': 'SYR',
  '762': 'TJK',
  '788': 'TUN',
  '792': 'TUR',
  '795': 'TKM',
  '804': 'UKR',
  '807': 'MKD',
  '818': 'EGY',
  '826': 'GBR',
  '831': 'GBR',
  '832': 'GBR',
  '833': 'GBR',
  '840': 'USA',
  '860': 'UZB',
};

/** Places the topology leaves without a numeric code, by their Natural Earth name. */
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XKX' };

/**
 * The dataset's ISO3 code of a country of the topology, or `undefined` for one the map does not name.
 *
 * @example iso3Of({ type: 'Polygon', id: '643' }) // 'RUS'
 */
export function iso3Of(country: TopologyCountry): string | undefined {
  if (country.id !== undefined) {
    const code = typeof country.id === 'number' ? String(country.id).padStart(3, '0') : country.id;
    const iso3 = ISO_NUMERIC[code];
    if (iso3 !== undefined) return iso3;
  }
  const name = country.properties?.name;
  return name === undefined ? undefined : BY_NAME[name];
}

/** The fifteen Soviet republics: drawn as the Soviet Union in a year before 1992. */
export const SOVIET_REPUBLICS: readonly string[] = [
  'RUS',
  'UKR',
  'BLR',
  'MDA',
  'EST',
  'LVA',
  'LTU',
  'GEO',
  'ARM',
  'AZE',
  'KAZ',
  'UZB',
  'TKM',
  'KGZ',
  'TJK',
];

/** The last year of the Soviet Union: it was dissolved on 26 December 1991. */
export const SOVIET_LAST_YEAR = 1991;
