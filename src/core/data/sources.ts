import type { SourceInfo } from './types.js';

/**
 * The editions embedded with armsrace. Citations follow each publisher's terms; see
 * `data/SOURCES.md` for the provenance of every file.
 */
export const EMBEDDED_SOURCES: readonly SourceInfo[] = [
  {
    id: 'nato-2025',
    publisher: 'NATO',
    title: 'Defence Expenditure of NATO Countries (2014-2025), Table 3',
    edition: '2025',
    released: 2025,
    citation: 'NATO, Defence Expenditure of NATO Countries (2014-2025), 28 August 2025',
    terms: 'Credit NATO; no commercial or advertising use',
  },
  {
    id: 'nato-2025-press',
    publisher: 'NATO (quoted by the press)',
    title: '2025 estimates of the 2025 edition as quoted in news reports',
    edition: '2025',
    released: 2025,
    citation: 'News reports of NATO, Defence Expenditure of NATO Countries (2014-2025); URLs per figure',
    secondary: true,
  },
  {
    id: 'nato-2024',
    publisher: 'NATO',
    title: 'Defence Expenditure of NATO Countries (2014-2024), Tables 2, 3 and 5',
    edition: '2024',
    released: 2024,
    citation: 'NATO, Defence Expenditure of NATO Countries (2014-2024), 17 June 2024',
    terms: 'Credit NATO; no commercial or advertising use',
  },
  {
    id: 'sipri-2025',
    publisher: 'SIPRI',
    title: 'SIPRI Military Expenditure Database (subset of 39 countries)',
    edition: '2025',
    released: 2025,
    citation: 'SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex',
    terms: 'Non-commercial use; at most 10 % of the database reproduced',
  },
  {
    id: 'imf-weo-2025-10',
    publisher: 'IMF',
    title: 'World Economic Outlook, GDP at current prices (NGDPD)',
    edition: 'October 2025',
    released: 2025,
    citation: 'IMF, World Economic Outlook Database, October 2025',
    terms: 'Attribution to the IMF',
  },
  {
    id: 'wdi-2026-02',
    publisher: 'World Bank',
    title: 'World Development Indicators, GDP (constant 2015 US$), NY.GDP.MKTP.KD',
    edition: '2026-02-24',
    released: 2026,
    citation: 'World Bank, World Development Indicators (CC BY 4.0)',
    terms: 'CC BY 4.0',
  },
  {
    id: 'fas-2023',
    publisher: 'FAS via Our World in Data',
    title: 'Status of World Nuclear Forces',
    edition: '2023',
    released: 2023,
    citation:
      'Federation of American Scientists (Kristensen, Korda, Norris, Reynolds), via Our World in Data (CC BY 4.0)',
    terms: 'CC BY 4.0',
  },
];
