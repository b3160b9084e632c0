import type { Dataset } from '../../data/dataset.js';
import { grangerTest } from '../../fit/granger-test.js';
import { spendingSeries } from '../../fit/named-series.js';
import { cite } from './cite.js';
import { formatNumber } from './format-number.js';
import { testsStrength } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** First year of the post-Soviet series (Russia's SIPRI series starts in 1992; growth from 1993). */
const FROM = 1993;
/** Last year before Russia's full-scale invasion of Ukraine, the end of the shorter span. */
const BEFORE_INVASION = 2021;
/** Lag orders tested besides AIC's choice: those BIC prefers on these data. */
const FIXED_LAGS = [1, 2] as const;

/**
 * Claim 5: Wallace's race intensity from the real growth of NATO's and the Russian bloc's
 * spending (SIPRI), and Granger tests in both directions over two spans and three lag orders.
 *
 * @param alpha significance level of the tests
 * @example armsRaceClaim(loadDataset(), 0.05).strength // 'weak'
 */
export function armsRaceClaim(dataset: Dataset, alpha: number): ClaimEvidence {
  const sipri = dataset.latestEdition('sipri-', 'milex_usd_constant');
  const c = cite(dataset, sipri);
  const rusSeries = dataset.series('RUS', 'milex_usd_constant', sipri);
  const last = rusSeries === undefined ? 2024 : rusSeries.firstYear + rusSeries.values.length - 1;
  const nato = spendingSeries(dataset, 'NATO', FROM - 1, last);
  const bloc = spendingSeries(dataset, 'RUS_BLOC', FROM - 1, last);
  const growth = (s: typeof nato, k: number) => (s.values[k] as number) / (s.values[k - 1] as number) - 1;
  const intensity = nato.years.slice(1).map((year, i) => {
    const a = growth(nato, i + 1);
    const b = growth(bloc, i + 1);
    return { year, a, b, value: Math.sqrt(Math.max(0, a) * Math.max(0, b)) };
  });
  const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const peak = intensity.reduce((m, x) => (x.value > m.value ? x : m));
  const both = intensity.filter((x) => x.a > 0 && x.b > 0);
  const recentFrom = last - 2;
  const early = intensity.filter((x) => x.year < recentFrom);
  const recent = intensity.filter((x) => x.year >= recentFrom);

  const natoY = spendingSeries(dataset, 'NATO', FROM, last);
  const rus = spendingSeries(dataset, 'RUS', FROM, last);
  const specs = [BEFORE_INVASION, last].flatMap((to) => {
    const auto = grangerTest(natoY, rus, { from: FROM, to });
    const fixed = FIXED_LAGS.filter((p) => p !== auto.lags).map((lags) =>
      grangerTest(natoY, rus, { from: FROM, to, lags }),
    );
    return [auto, ...fixed].map((g) => ({ g, auto: g === auto }));
  });
  const forward = specs.map((s) => s.g.xToY.pValue);
  const reverse = specs.map((s) => s.g.yToX.pValue);
  const rating = testsStrength(forward, alpha, 'NATO → Russia');
  const reverseRejecting = specs.filter((s) => s.g.yToX.pValue < alpha);
  const fitSource = (g: (typeof specs)[number]['g']) => ({
    source: `armsrace granger --from ${g.span[0]} --to ${g.span[1]} --lags ${g.lags} (annual real growth, ${c.source})`,
    ...(c.edition ? { edition: c.edition } : {}),
  });
  const numbers: ClaimNumber[] = [
    {
      label: `Mean race intensity ${FROM}–${recentFrom - 1}`,
      value: mean(early.map((x) => x.value)) * 100,
      unit: '% a year',
      ...c,
    },
    {
      label: `Mean race intensity ${recentFrom}–${last}`,
      value: mean(recent.map((x) => x.value)) * 100,
      unit: '% a year',
      ...c,
    },
    { label: `Peak race intensity (${peak.year})`, value: peak.value * 100, unit: '% a year', ...c },
    {
      label: `Years ${FROM}–${last} in which both blocs' real spending grew`,
      value: both.length,
      unit: `of ${intensity.length} years`,
      ...c,
    },
    ...specs.flatMap(({ g, auto }) => [
      {
        label: `Granger p, NATO → Russia, ${g.span[0]}–${g.span[1]}, ${g.lags} lag${g.lags > 1 ? 's' : ''}${auto ? ' (AIC)' : ''}`,
        value: g.xToY.pValue,
        unit: 'p-value',
        ...fitSource(g),
      },
      {
        label: `Granger p, Russia → NATO, ${g.span[0]}–${g.span[1]}, ${g.lags} lag${g.lags > 1 ? 's' : ''}${auto ? ' (AIC)' : ''}`,
        value: g.yToX.pValue,
        unit: 'p-value',
        ...fitSource(g),
      },
    ]),
  ];
  const p = (x: number) => formatNumber(x, 3);
  return {
    id: 5,
    statement: "NATO's build-up stimulates global militarisation and risks an arms race.",
    question:
      "Do NATO's and Russia's spending rise together, and does NATO's spending growth help predict Russia's (and the reverse)?",
    answer:
      `Both blocs' real spending grew in ${both.length} of ${intensity.length} years since ${FROM}; Wallace's race intensity averaged ${formatNumber(mean(recent.map((x) => x.value)) * 100, 1)} % a year in ${recentFrom}–${last} against ${formatNumber(mean(early.map((x) => x.value)) * 100, 1)} % before, peaking in ${peak.year}. ` +
      `In no specification does NATO's past spending growth help predict Russia's at the ${alpha} level (p from ${p(Math.min(...forward))} to ${p(Math.max(...forward))}); ` +
      (reverseRejecting.length === 0
        ? `nor does Russia's predict NATO's (p from ${p(Math.min(...reverse))} to ${p(Math.max(...reverse))}). `
        : `the reverse direction reaches p = ${reverseRejecting.map((s) => `${p(s.g.yToX.pValue)} with ${s.g.lags} lags on ${s.g.span[0]}–${s.g.span[1]}`).join(', ')} and nowhere else. `) +
      `About thirty annual observations give these tests little power, so the data neither show an action–reaction race driven by NATO nor rule one out.`,
    verdict: forward.some((x) => x < alpha) ? 'partly supported' : 'not supported',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'bar',
      title: 'Race intensity of NATO and Russia–Belarus (after Wallace 1979)',
      xType: 'year',
      xLabel: 'Year',
      yLabel: '√(g_NATO · g_RUS) of positive real spending growth, % a year',
      series: [{ name: 'Race intensity', points: intensity.map((x) => [x.year, x.value * 100] as const) }],
      source: `Computed by armsrace from ${c.source} (edition ${c.edition}), constant US$; NATO chain-linked across enlargements`,
    },
    caveats: [
      'Race intensity marks simultaneous growth; the literature found it a poor predictor of war (Diehl 1983). It is never a probability.',
      'Granger causality is predictive, not causal: common shocks (2008, 2014, 2022), third parties and oil revenues move both series.',
      "The dataset holds SIPRI's figures for 39 countries, not the world: the claim about global militarisation is not checked here.",
    ],
  };
}
