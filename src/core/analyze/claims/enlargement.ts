import type { Dataset } from '../../data/dataset.js';
import { historicalPanel } from '../../fit/historical-exposures.js';
import { DEFAULTS } from '../../scenario/defaults.js';
import { cite } from './cite.js';
import { formatNumber } from './format-number.js';
import { modelStrength } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** First year of the enlargement comparison: the end of the Cold War. */
const FROM = 1990;

/** Decay lengths (km) and US projection floors the enlargement share is re-computed with. */
const DECAY_GRID_KM = [750, 3000] as const;
const FLOOR_GRID = [0, 0.5] as const;

/**
 * NATO's part of Russia's threat index, `Σ_j ω_RUS,j K_j` over the allies of each year
 * (docs/model.md §1–2, rebuilt from data as the fit does), million US$ at 2015 prices, for the years
 * `from…to`, under a membership rule and the proximity assumptions given.
 */
function natoThreatToRussia(
  dataset: Dataset,
  from: number,
  to: number,
  options: { member?: (iso3: string, year: number) => boolean; decayKm?: number; floorUsa?: number } = {},
): number[] {
  const panel = historicalPanel(dataset, ['RUS', ...dataset.allies()], from, to, {
    partners: [],
    ...(options.member ? { member: options.member } : {}),
    ...(options.decayKm ? { decayKm: options.decayKm } : {}),
    ...(options.floorUsa === undefined ? {} : { floorByActor: { ...DEFAULTS.floorByActor, USA: options.floorUsa } }),
  });
  return [...(panel.threat[0] ?? [])];
}

/**
 * Claim 3: the membership timeline and the allies sharing a land border with Russia, and NATO's
 * proximity-weighted capability as seen from Moscow with and without each enlargement wave since
 * the end of the Cold War.
 *
 * @param materialShare share of the index above which enlargement counts as material
 * @example enlargementClaim(loadDataset(), 0.1).numbers[0].label // 'Allies in 1990'
 */
export function enlargementClaim(dataset: Dataset, materialShare: number): ClaimEvidence {
  const sipri = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const lastData = Math.max(
    ...dataset
      .list({ indicator: 'milex_share_gdp', source: sipri, iso3: 'RUS' })
      .map((s) => s.firstYear + s.values.length - 1),
  );
  const to = lastData;
  const waves = new Map<number, string[]>();
  for (const a of dataset.data.accessions) if (a.year > FROM) waves.set(a.year, [...(waves.get(a.year) ?? []), a.iso3]);
  const isPostColdWar = (iso3: string) => (dataset.accession(iso3)?.year ?? 0) > FROM;
  const russiaNeighbours = dataset.landNeighbours('RUS');
  const bordering = (year: number) => russiaNeighbours.filter((c) => dataset.isMember(c, year));
  const name = (iso3: string) => dataset.country(iso3)?.name ?? iso3;

  const actual = natoThreatToRussia(dataset, FROM, to);
  const without = natoThreatToRussia(dataset, FROM, to, {
    member: (c, y) => dataset.isMember(c, y) && !isPostColdWar(c),
  });
  const last = actual.at(-1) as number;
  const share = (withIndex: number, withoutIndex: number) => (withIndex - withoutIndex) / withIndex;
  const enlargementShare = share(last, without.at(-1) as number);
  const waveShares = [...waves].map(([year, members]) => {
    const t = natoThreatToRussia(dataset, to, to, { member: (c, y) => dataset.isMember(c, y) && !members.includes(c) });
    return { year, members, share: share(last, t[0] as number) };
  });
  const settings = [
    ...DECAY_GRID_KM.map((decayKm) => ({ label: `decay length ${formatNumber(decayKm)} km`, decayKm })),
    ...FLOOR_GRID.map((floorUsa) => ({ label: `US projection floor ${floorUsa}`, floorUsa })),
  ].map((s) => {
    const a = natoThreatToRussia(dataset, to, to, s);
    const b = natoThreatToRussia(dataset, to, to, {
      ...s,
      member: (c, y) => dataset.isMember(c, y) && !isPostColdWar(c),
    });
    return { ...s, share: share(a[0] as number, b[0] as number) };
  });
  const material = (x: number) => x >= materialShare;
  const agreeing = [enlargementShare, ...settings.map((s) => s.share)].filter(
    (x) => material(x) === material(enlargementShare),
  ).length;
  const rating = modelStrength(
    agreeing,
    settings.length + 1,
    `whether post-Cold War enlargement adds ${materialShare * 100} % or more to the index`,
  );
  const sipriCite = cite(dataset, sipri);
  const model = {
    source: `armsrace threat index Θ_RUS (NATO part) from SIPRI burdens × World Bank real GDP, proximity decay ${formatNumber(DEFAULTS.decayKm)} km, US floor ${DEFAULTS.floorByActor.USA}`,
    edition: sipriCite.edition ?? sipri,
  };
  const membership = { source: 'NATO, "NATO member countries" (accession dates)' };
  const borders = { source: 'mledoze/countries 5.1.0, land borders (ODbL 1.0)' };
  const bn = (m: number) => m / 1000;
  const numbers: ClaimNumber[] = [
    { label: `Allies in ${FROM}`, value: dataset.members(FROM).length, unit: 'allies', ...membership },
    { label: `Allies in ${to}`, value: dataset.members(to).length, unit: 'allies', ...membership },
    { label: "Russia's land neighbours", value: russiaNeighbours.length, unit: 'countries', ...borders },
    { label: `Allies bordering Russia by land in ${FROM}`, value: bordering(FROM).length, unit: 'allies', ...borders },
    { label: `Allies bordering Russia by land in ${to}`, value: bordering(to).length, unit: 'allies', ...borders },
    {
      label: `Index in ${FROM}`,
      value: bn(actual[0] as number),
      unit: 'USD bn at 2015 prices, proximity-weighted',
      ...model,
    },
    { label: `Index in ${to}`, value: bn(last), unit: 'USD bn at 2015 prices, proximity-weighted', ...model },
    {
      label: `Index in ${to} without the enlargements after ${FROM}`,
      value: bn(without.at(-1) as number),
      unit: 'USD bn at 2015 prices, proximity-weighted',
      ...model,
    },
    {
      label: `Share of the ${to} index due to enlargement after ${FROM}`,
      value: enlargementShare * 100,
      unit: '%',
      ...model,
    },
    ...waveShares.map((w) => ({
      label: `Share due to the ${w.year} accession${w.members.length > 1 ? 's' : ''} (${w.members.join(', ')})`,
      value: w.share * 100,
      unit: '%',
      ...model,
    })),
    ...settings.map((s) => ({
      label: `Share due to enlargement with ${s.label}`,
      value: s.share * 100,
      unit: '%',
      source: `armsrace threat index Θ_RUS (NATO part), ${s.label}`,
      edition: model.edition,
    })),
  ];
  const byWave = [...waveShares].sort((a, b) => b.share - a.share);
  const top = byWave[0];
  const newBorder = [...new Set(bordering(to))].filter((c) => !bordering(FROM).includes(c));
  const shares = [enlargementShare, ...settings.map((s) => s.share)].map((x) => x * 100);
  const years = Array.from({ length: to - FROM + 1 }, (_, k) => FROM + k);
  return {
    id: 3,
    statement:
      "NATO is reinforcing its military infrastructure near Russia's borders; NATO's expansion is a persistent challenge to Russia's security.",
    question:
      "How has enlargement moved NATO to Russia's borders, and how much does it add to Russia's proximity-weighted threat?",
    answer:
      `NATO grew from ${dataset.members(FROM).length} allies in ${FROM} to ${dataset.members(to).length} in ${to}; the allies sharing a land border with Russia went from ${bordering(FROM).length} (${bordering(FROM).map(name).join(', ')}) to ${bordering(to).length}, adding ${newBorder.map(name).join(', ')}. ` +
      `NATO's capability weighted by proximity to Moscow, the threat term of Russia's demand, was USD ${formatNumber(bn(last), 0)} bn (2015 prices) in ${to}; without the enlargements since ${FROM} it would be ${formatNumber(enlargementShare * 100, 1)} % lower${top === undefined ? '' : `, most of it from the ${top.year} accessions (${formatNumber(top.share * 100, 1)} %)`}. ` +
      `The share ranges from ${formatNumber(Math.min(...shares), 1)} % to ${formatNumber(Math.max(...shares), 1)} % as the decay length and the weight of distant US forces change: the United States' capability dominates the index whatever the enlargement.`,
    verdict: material(enlargementShare) ? 'supported' : 'partly supported',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'line',
      title: "NATO's proximity-weighted capability as seen from Moscow",
      xType: 'year',
      xLabel: 'Year',
      yLabel: 'Threat index Θ_RUS (NATO part), USD bn at 2015 prices',
      series: [
        { name: 'NATO as it enlarged', points: years.map((y, k) => [y, bn(actual[k] as number)] as const) },
        {
          name: `NATO of ${FROM} (no enlargement)`,
          points: years.map((y, k) => [y, bn(without[k] as number)] as const),
          dashed: true,
        },
      ],
      xRules: [...waves.keys()].map((y) => ({ x: y, label: `${y}: ${(waves.get(y) ?? []).join(', ')}` })),
      source: `Computed by armsrace from ${sipriCite.source} (edition ${sipriCite.edition}), World Bank WDI real GDP, capitals from Natural Earth; NATO accession dates`,
    },
    caveats: [
      'Land borders only: Kaliningrad makes Poland and Lithuania neighbours of Russia; maritime neighbours are not counted.',
      'The index measures capability and distance, not intent or deployments: forward presence and infrastructure are not in the data.',
      'Ukraine, a partner the model counts as an adversary of Russia, is left out here to isolate NATO.',
    ],
  };
}
