import { loadDataset } from '../../core/data/load-dataset.js';

/**
 * Names that publishers use and that differ from the names of `data/countries_geo.csv`, keyed by
 * their normalised form (see {@link normaliseCountryName}). Former states get their ISO 3166-3 code
 * (USSR → SUN, Czechoslovakia → CSK, Yugoslavia → YUG, German DR → DDR, Yemen North → YAR).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // Former states
  ussr: 'SUN',
  'soviet union': 'SUN',
  czechoslovakia: 'CSK',
  yugoslavia: 'YUG',
  'german democratic republic': 'DDR',
  'german dr': 'DDR',
  'germany, east': 'DDR',
  'east germany': 'DDR',
  'yemen, north': 'YAR',
  'yemen north': 'YAR',
  'north yemen': 'YAR',
  'yemen, south': 'YMD',
  'yemen south': 'YMD',
  'south yemen': 'YMD',
  // Other spellings
  'russian federation': 'RUS',
  turkey: 'TUR',
  turkiye: 'TUR',
  'czech republic': 'CZE',
  macedonia: 'MKD',
  'macedonia, fyr': 'MKD',
  'north macedonia': 'MKD',
  'korea, south': 'KOR',
  'korea south': 'KOR',
  'korea, rep.': 'KOR',
  'republic of korea': 'KOR',
  'korea, north': 'PRK',
  'korea north': 'PRK',
  "korea, dem. people's rep.": 'PRK',
  'congo, dr': 'COD',
  'congo dr': 'COD',
  'congo, dem. rep.': 'COD',
  'democratic republic of the congo': 'COD',
  'congo, republic': 'COG',
  'congo, rep.': 'COG',
  'republic of the congo': 'COG',
  "cote d'ivoire": 'CIV',
  "côte d'ivoire": 'CIV',
  'ivory coast': 'CIV',
  'gambia, the': 'GMB',
  'kyrgyz republic': 'KGZ',
  'timor leste': 'TLS',
  'east timor': 'TLS',
  'united states of america': 'USA',
  'united states': 'USA',
  usa: 'USA',
  'viet nam': 'VNM',
  'slovak republic': 'SVK',
  'bosnia-herzegovina': 'BIH',
  'brunei darussalam': 'BRN',
  'cabo verde': 'CPV',
  swaziland: 'SWZ',
  'lao pdr': 'LAO',
  'iran, islamic rep.': 'IRN',
  'egypt, arab rep.': 'EGY',
  'syrian arab republic': 'SYR',
  'venezuela, rb': 'VEN',
  'yemen, rep.': 'YEM',
  'united kingdom of great britain and northern ireland': 'GBR',
  uk: 'GBR',
  kosovo: 'XKX',
  // Aggregates (World Bank codes)
  'european union': 'EUU',
  // NATO's aggregates
  'nato europe and canada': 'NATO_EUR_CAN',
  'nato total': 'NATO_TOTAL',
};

/**
 * Normalise a country label for look-up: Unicode NFC, trimmed, a trailing `*` (NATO's national
 * 2 % law mark) dropped, inner spaces collapsed, lower case.
 *
 * @example normaliseCountryName(' Poland* ') // 'poland'
 */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

let byName: Map<string, string> | undefined;

/**
 * Look up the ISO3 code of a country name as a publisher writes it, or `undefined` when it is not known.
 * Names of the embedded countries (from `data/countries_geo.csv`) and {@link COUNTRY_ALIASES} are accepted.
 *
 * @param name the label of a row, e.g. `Korea, South`, `Poland*`, `USSR`
 * @example countryIso3('Türkiye') // 'TUR'
 * @example countryIso3('Yemen, North') // 'YAR'
 */
export function countryIso3(name: string): string | undefined {
  if (byName === undefined) {
    byName = new Map();
    for (const c of loadDataset().data.countries) byName.set(normaliseCountryName(c.name), c.iso3);
    for (const [alias, iso3] of Object.entries(COUNTRY_ALIASES)) byName.set(alias, iso3);
  }
  return byName.get(normaliseCountryName(name));
}
