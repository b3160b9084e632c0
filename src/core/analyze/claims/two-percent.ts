import type { Dataset } from '../../data/dataset.js';
import { type PledgeReport, pledgeReport } from '../pledge-report.js';
import { resolveSource } from '../pledge-source.js';
import { cite } from './cite.js';
import { figuresStrength, weakest } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

const THRESHOLD = 0.02;

/**
 * Claim 2: who met 2 % of GDP by NATO's newest edition — its first year, its last year of actual
 * figures (no ally's figure an estimate), and each year of NATO's own estimates after it — with the
 * same last actual year by the edition before, and any press-quoted figures counted apart. Counts
 * are {@link pledgeReport}'s. An edition's basis (NATO's 2026 edition reports core defence, the
 * category of the Hague target) is named in the answer.
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
  // The latest year whose figures are all actual (no estimate) and complete for the edition.
  let actual = lastYear;
  let r = report(actual, latest.edition);
  const estimated = (x: PledgeReport) => x.rows.some((row) => row.flag === 'e');
  while ((r.counts.reported < r.counts.expected || estimated(r)) && actual > latestSpan.firstYear) {
    actual--;
    r = report(actual, latest.edition);
  }
  const first = report(latestSpan.firstYear, latest.edition);
  const actualReport = r;
  const olderReport =
    older !== undefined && actual <= resolveSource(dataset, 'nato', older.edition).lastYear
      ? report(actual, older.edition)
      : undefined;
  const estimates: PledgeReport[] = [];
  for (let y = actual + 1; y <= lastYear; y++) estimates.push(report(y, latest.edition, true));
  const current = estimates[estimates.length - 1];
  const n = cite(dataset, latest.id);
  const o = older === undefined ? undefined : cite(dataset, older.id);
  const pressSource = latestSpan.press === undefined ? n : cite(dataset, latestSpan.press.id);
  // The pledge tracker's count: every ally without a figure, Iceland (never in NATO's tables) included.
  const noFigure = (c: PledgeReport) => c.counts.missing.length;
  const numbers: ClaimNumber[] = [
    { label: `Allies at 2 % in ${first.year}`, value: first.counts.meets, unit: 'allies', ...n },
    { label: `Allies reporting in ${first.year}`, value: first.counts.reported, unit: 'allies', ...n },
    { label: `Allies at 2 % in ${actual}`, value: actualReport.counts.meets, unit: 'allies', ...n },
    { label: `Allies reporting in ${actual}`, value: actualReport.counts.reported, unit: 'allies', ...n },
    ...(olderReport === undefined || o === undefined
      ? []
      : [
          {
            label: `Allies at 2 % in ${actual} by the ${olderReport.edition} edition`,
            value: olderReport.counts.meets,
            unit: 'allies',
            ...o,
          },
        ]),
    ...estimates.flatMap((c): ClaimNumber[] => [
      {
        label: `Allies at 2 % in ${c.year} (NATO's own estimates)`,
        value: c.counts.meets,
        unit: 'allies',
        ...n,
      },
      ...(c.counts.pressReported > 0
        ? [
            {
              label: `Allies at 2 % in ${c.year} (press-quoted figures only)`,
              value: c.counts.pressMeets,
              unit: 'allies',
              ...pressSource,
            },
          ]
        : []),
      { label: `Allies with no ${c.year} figure at all`, value: noFigure(c), unit: 'allies', ...n },
    ]),
  ];
  const below = actualReport.rows.filter((x) => x.meets === false);
  const belowLatest = current?.rows.filter((x) => x.meets === false) ?? below;
  const ratings = [
    figuresStrength(actualReport.counts.reported, actualReport.counts.expected, 0, `${actual}`),
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
    // A year the edition reports for only some of its allies (the 2025 edition's 2025e: four) would
    // draw a fall in the count that is a gap in the table: the line stops at its last complete year.
    for (let y = span.firstYear; y <= span.lastYear; y++) {
      const c = report(y, edition).counts;
      if (c.reported < c.expected) break;
      points.push([y, c.meets]);
    }
    return { name, points, editionId };
  };
  const pressPoints = estimates.filter((c) => c.counts.pressReported > 0);
  const list = (rows: PledgeReport['rows']) =>
    [...rows]
      .sort((a, b) => (a.burdenPct ?? 0) - (b.burdenPct ?? 0))
      .slice(0, 3)
      .map((x) => `${x.name} (${x.burdenPct?.toFixed(2)} %)`)
      .join(', ');
  const basis = latest.basis === undefined ? '' : ` (${latest.basis})`;
  const estimateText = estimates
    .map(
      (c) =>
        `${c.counts.meets} of ${c.counts.reported} in ${c.year}` +
        (c.counts.pressReported > 0 ? ` (and ${c.counts.pressMeets} of ${c.counts.pressReported} press-quoted)` : '') +
        (noFigure(c) > 0 ? ` with ${noFigure(c)} allies without a figure` : ''),
    )
    .join(' and ');
  return {
    id: 2,
    statement: 'Not all NATO members have yet met the 2 % benchmark.',
    question: 'Which allies met 2 % of GDP in each year, by which NATO edition?',
    answer:
      `By NATO's ${latest.edition} edition${basis}, ${first.counts.meets} of ${first.counts.reported} allies reporting spent 2 % of GDP in ${first.year} and ${actualReport.counts.meets} of ${actualReport.counts.reported} in ${actual}, its last year of actual figures` +
      (olderReport === undefined
        ? '. '
        : ` (the ${olderReport.edition} edition, on its own basis, counted ${olderReport.counts.meets}). `) +
      `In ${actual} ${below.length} allies were below 2 %, ${list(below)} furthest away.` +
      (current === undefined
        ? ''
        : ` NATO's own estimates put ${estimateText}; ${
            belowLatest.length === 0
              ? `none is below in ${current.year}, but these are estimates.`
              : `still below in ${current.year}: ${list(belowLatest)}.`
          }`),
    verdict: belowLatest.length > 0 ? 'supported' : 'not supported',
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
        ...pressPoints.map((c) => ({
          name: `${c.year}: NATO estimates and press quotes`,
          points: [[c.year, c.counts.meets + c.counts.pressMeets] as [number, number]],
          dashed: true,
        })),
      ].map(({ name, points, ...rest }) => ({ name, points, ...('dashed' in rest ? { dashed: true } : {}) })),
      source: [n, ...(o === undefined ? [] : [o])].map((c) => `${c.source}, edition ${c.edition}`).join('; '),
    },
    caveats: [
      "NATO revises every edition, and its 2026 edition changed the basis to core defence expenditure (the Hague category of the 3.5 % target): compare counts within one edition; the 2 % line on the newest edition's core-defence figures is a proxy for the guideline's own definition.",
      `Years after ${actual} are NATO's estimates, not outturns.`,
      "NATO's definitions include pensions and some paramilitary forces; national budgets and SIPRI differ.",
    ],
  };
}
