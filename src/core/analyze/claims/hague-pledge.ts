import type { Dataset } from '../../data/dataset.js';
import { pledgeById } from '../../data/pledges.js';
import { meetsThreshold } from '../../threshold.js';
import { haguePath } from '../hague-path.js';
import { cite } from './cite.js';
import { formatNumber, percent } from './format-number.js';
import { figuresStrength } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** The share of GDP the press reported as the Hague commitment (the claim's own figure). */
const REPORTED_TARGET = 0.05;

/**
 * Claim 1: the Hague commitment as adopted (3.5 % core plus up to 1.5 % related by 2035, review
 * in 2029), each ally's latest NATO figure against it, and the cost of linear paths to it.
 *
 * @example hagueClaim(loadDataset()).numbers[0].value // 3.5
 */
export function hagueClaim(dataset: Dataset): ClaimEvidence {
  const core = pledgeById('hague-core');
  const total = pledgeById('hague-total');
  if (core === undefined || total === undefined) throw new Error('the Hague pledges are missing from PLEDGES');
  const path = haguePath(dataset, { target: core.target, referenceTarget: total.target, by: core.by });
  const nato = cite(dataset, path.source);
  const declaration = { source: core.source };
  const corePct = percent(core.target);
  const relatedPct = percent(total.target - core.target);
  const totalPct = percent(total.target);
  const above = path.rows.filter((r) => meetsThreshold(r.startPct, corePct));
  const below = path.rows.filter((r) => !meetsThreshold(r.startPct, corePct));
  const largest = [...below].sort((a, b) => a.startPct - b.startPct)[0];
  const costBn = path.totalCumulativeUsdM / 1000;
  const costTotalBn = path.totalCumulativeReferenceUsdM / 1000;
  const dueYearBn = path.rows.reduce((s, r) => s + r.extraInDueYearUsdM, 0) / 1000;
  const startYears = [...new Set(path.rows.map((r) => r.startYear))].sort();
  const money = `USD bn at 2015 prices (${path.gdpBasis.split(',')[0]})`;
  const numbers: ClaimNumber[] = [
    { label: 'Core defence target', value: corePct, unit: '% of GDP', ...declaration },
    { label: 'Defence- and security-related spending, up to', value: relatedPct, unit: '% of GDP', ...declaration },
    { label: 'Total commitment', value: totalPct, unit: '% of GDP', source: total.source },
    { label: 'Due year', value: core.by, unit: 'year', ...declaration },
    ...(core.review === undefined
      ? []
      : [{ label: 'Review of the trajectory', value: core.review, unit: 'year', ...declaration }]),
    { label: 'Allies with a figure in the edition', value: path.rows.length, unit: 'allies', ...nato },
    { label: `Allies already at ${corePct} % by their latest figure`, value: above.length, unit: 'allies', ...nato },
    { label: `Allies below ${corePct} %`, value: below.length, unit: 'allies', ...nato },
    ...(largest === undefined
      ? []
      : [
          {
            label: `Largest gap to ${corePct} % (${largest.name}, ${largest.startYear})`,
            value: corePct - largest.startPct,
            unit: 'percentage points',
            ...nato,
          },
        ]),
    {
      label: `Extra spending of linear paths to ${corePct} %, cumulative to ${core.by}`,
      value: costBn,
      unit: money,
      ...nato,
    },
    {
      label: `The same to ${totalPct} % (reference)`,
      value: costTotalBn,
      unit: money,
      ...nato,
    },
    { label: `Extra spending in ${core.by} alone at ${corePct} %`, value: dueYearBn, unit: money, ...nato },
  ];
  const partly = REPORTED_TARGET === total.target && core.target < total.target;
  const rating = figuresStrength(
    path.rows.length,
    path.rows.length + path.missing.length - countUnreported(dataset, path),
    0,
    `the start of the paths (${startYears.join(', ')})`,
  );
  return {
    id: 1,
    statement: 'At the Hague summit of 24–25 June 2025, allies committed to spend 5 % of GDP on defence by 2035.',
    question: 'What exactly was pledged, how far is each ally from it, and what would reaching it cost?',
    answer:
      `The Hague commitment is ${totalPct} % of GDP by ${core.by}, of which at least ${corePct} % is core defence and up to ${formatNumber(relatedPct, 1)} % defence- and security-related spending (infrastructure, resilience), with a review in ${core.review ?? 'a later year'}. ` +
      `By their latest NATO figures (${startYears.join('/')}), ${above.length} of ${path.rows.length} allies already spend ${corePct} % on defence and ${below.length} do not${largest === undefined ? '' : `; ${largest.name} is furthest away at ${largest.startPct.toFixed(2)} %`}. ` +
      `Straight-line paths to ${corePct} % add about USD ${formatNumber(costBn, 0)} bn (2015 prices) of spending over ${startYears[0]}–${core.by}, USD ${formatNumber(dueYearBn, 0)} bn in ${core.by} alone; paths to the full ${totalPct} % would add USD ${formatNumber(costTotalBn, 0)} bn.`,
    verdict: partly ? 'partly supported' : 'supported',
    strength: rating.strength,
    strengthReason: `${rating.reason}; the targets are the declaration's own.`,
    numbers,
    chart: {
      kind: 'bar',
      title: `Each ally's latest defence spending against the Hague targets`,
      xType: 'category',
      // Bars in the order of their values; each says its year (one series per year of figures).
      xLabel:
        startYears.length === 1
          ? `Ally (ISO 3166 code); NATO's figure for ${startYears[0]}`
          : 'Ally (ISO 3166 code); colour: the year of its latest NATO figure',
      yLabel: 'Defence expenditure, % of GDP',
      series: startYears.map((year) => ({
        name: `NATO's figure for ${year}`,
        points: path.rows
          .filter((r) => r.startYear === year)
          .sort((a, b) => b.startPct - a.startPct)
          .map((r) => [r.iso3, r.startPct] as const),
      })),
      rules: [
        { y: corePct, label: `Core defence ${corePct} % by ${core.by}` },
        { y: totalPct, label: `Total ${totalPct} % by ${total.by}` },
      ],
      source: `${nato.source}, edition ${nato.edition}; targets: ${total.source}`,
    },
    caveats: [
      `Only the ${corePct} % core is defence expenditure in NATO's definition; the ${formatNumber(relatedPct, 1)} % defence-related part is not in any published table yet.`,
      'Costs apply a share of NATO GDP (2021 prices) to World Bank real GDP (2015 prices) projected with the IMF: orders of magnitude.',
    ],
  };
}

/** Allies in the membership timeline that the source never reports (Iceland has no armed forces). */
function countUnreported(dataset: Dataset, path: ReturnType<typeof haguePath>): number {
  return path.missing.filter((iso3) => dataset.series(iso3, 'milex_share_gdp', path.source) === undefined).length;
}
