import type { Dataset } from '../../data/dataset.js';
import { type PledgeReport, pledgeReport } from '../pledge-report.js';
import { resolveSource } from '../pledge-source.js';
import { cite } from './cite.js';
import { figuresStrength, weakest } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

const THRESHOLD = 0.02;

/**
 * Claim 2: who met 2 % of GDP in each year by NATO's editions — 2014 and the latest complete year
 * by the newest edition, the same year by the edition before, and the latest year with its
 * estimates and the press-quoted figures counted apart. Counts are {@link pledgeReport}'s.
 *
 * @example twoPercentClaim(loadDataset()).numbers[0].value // 3 (allies at 2 % in 2014)
 */
export function twoPercentClaim(dataset: Dataset): ClaimEvidence {
  const editions = dataset.editions('nato-');
  const latest = editions[0];
  if (latest === undefined) throw new Error('no NATO edition in the dataset');
  const older = editions[1];
  const latestSpan = resolveSource(dataset, 'nato', latest.edition);
  const report = (year: number, edition: string, includePress = false) =>
    pledgeReport(dataset, { year, threshold: THRESHOLD, source: 'nato', edition, includePress });
  const lastYear = latestSpan.lastYear;
  // The latest year every ally the edition covers has a figure for.
  let complete = lastYear;
  let r = report(complete, latest.edition);
  while (r.counts.reported < r.counts.expected && complete > latestSpan.firstYear) {
    complete--;
    r = report(complete, latest.edition);
  }
  const first = report(latestSpan.firstYear, latest.edition);
  const completeReport = r;
  const olderReport =
    older !== undefined && complete <= resolveSource(dataset, 'nato', older.edition).lastYear
      ? report(complete, older.edition)
      : undefined;
  const current = lastYear > complete ? report(lastYear, latest.edition, true) : undefined;
  const n = cite(dataset, latest.id);
  const o = older === undefined ? undefined : cite(dataset, older.id);
  const pressSource = latestSpan.press === undefined ? n : cite(dataset, latestSpan.press.id);
  const numbers: ClaimNumber[] = [
    { label: `Allies at 2 % in ${first.year}`, value: first.counts.meets, unit: 'allies', ...n },
    { label: `Allies reporting in ${first.year}`, value: first.counts.reported, unit: 'allies', ...n },
    { label: `Allies at 2 % in ${complete}`, value: completeReport.counts.meets, unit: 'allies', ...n },
    { label: `Allies reporting in ${complete}`, value: completeReport.counts.reported, unit: 'allies', ...n },
    ...(olderReport === undefined || o === undefined
      ? []
      : [
          {
            label: `Allies at 2 % in ${complete} by the ${olderReport.edition} edition`,
            value: olderReport.counts.meets,
            unit: 'allies',
            ...o,
          },
        ]),
    ...(current === undefined
      ? []
      : [
          {
            label: `Allies at 2 % in ${current.year} (NATO's own estimates)`,
            value: current.counts.meets,
            unit: 'allies',
            ...n,
          },
          {
            label: `Allies at 2 % in ${current.year} (press-quoted figures only)`,
            value: current.counts.pressMeets,
            unit: 'allies',
            ...pressSource,
          },
          {
            label: `Allies with no ${current.year} figure at all`,
            value: current.counts.expected - current.counts.reported - current.counts.pressReported,
            unit: 'allies',
            ...n,
          },
        ]),
  ];
  const below = completeReport.rows.filter((x) => x.meets === false);
  const ratings = [
    figuresStrength(completeReport.counts.reported, completeReport.counts.expected, 0, `${complete}`),
    ...(current === undefined
      ? []
      : [
          figuresStrength(
            current.counts.reported,
            current.counts.expected,
            current.counts.pressReported,
            `${current.year}`,
          ),
        ]),
  ];
  const rating = weakest(ratings);
  const series = (editionId: string, edition: string, name: string) => {
    const span = resolveSource(dataset, 'nato', edition);
    const points: [number, number][] = [];
    for (let y = span.firstYear; y <= span.lastYear; y++) points.push([y, report(y, edition).counts.meets]);
    return { name, points, editionId };
  };
  const pressPoint = (c: PledgeReport) => ({
    name: `${c.year}: NATO estimates and press quotes`,
    points: [[c.year, c.counts.meets + c.counts.pressMeets] as [number, number]],
    dashed: true,
  });
  const allInCurrent =
    current !== undefined &&
    current.counts.meets + current.counts.pressMeets === current.counts.reported + current.counts.pressReported;
  return {
    id: 2,
    statement: 'Not all NATO members have yet met the 2 % benchmark.',
    question: 'Which allies met 2 % of GDP in each year, by which NATO edition?',
    answer:
      `By NATO's ${latest.edition} edition, ${first.counts.meets} of ${first.counts.reported} allies reporting spent 2 % of GDP in ${first.year} and ${completeReport.counts.meets} of ${completeReport.counts.reported} in ${complete}` +
      (olderReport === undefined
        ? '. '
        : ` (the ${olderReport.edition} edition, with its earlier estimates, counted ${olderReport.counts.meets}). `) +
      `In ${complete} ${below.length} allies were still below 2 %, ${below
        .sort((a, b) => (a.burdenPct ?? 0) - (b.burdenPct ?? 0))
        .slice(0, 3)
        .map((x) => `${x.name} (${x.burdenPct?.toFixed(2)} %)`)
        .join(', ')} furthest away.` +
      (current === undefined
        ? ''
        : ` For ${current.year}, ${allInCurrent ? 'all' : `${current.counts.meets + current.counts.pressMeets}`} of the ${current.counts.reported + current.counts.pressReported} allies with a figure reach 2 %, but ${current.counts.pressReported} of those figures are press quotes and ${current.counts.expected - current.counts.reported - current.counts.pressReported} allies have none yet, so the ${current.year} count is open.`),
    verdict: below.length > 0 ? 'supported' : 'not supported',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'line',
      title: 'Allies spending at least 2 % of GDP on defence',
      xType: 'year',
      xLabel: 'Year',
      yLabel: 'Allies at or above 2 % of GDP (count)',
      series: [
        series(latest.id, latest.edition, `NATO ${latest.edition} edition`),
        ...(older === undefined ? [] : [series(older.id, older.edition, `NATO ${older.edition} edition`)]),
        ...(current === undefined ? [] : [pressPoint(current)]),
      ].map(({ name, points, ...rest }) => ({ name, points, ...('dashed' in rest ? { dashed: true } : {}) })),
      source: [n, ...(o === undefined ? [] : [o])].map((c) => `${c.source}, edition ${c.edition}`).join('; '),
    },
    caveats: [
      'NATO revises every edition (the 2025 edition rebases GDP to 2021 prices): compare counts within one edition.',
      "NATO's definition of defence expenditure includes pensions and some paramilitary forces; national budgets and SIPRI differ.",
    ],
  };
}
