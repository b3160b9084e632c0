import type { Dataset } from '../../data/dataset.js';
import { DEFAULTS } from '../../scenario/defaults.js';
import { cite, citeFit } from './cite.js';
import { formatNumber } from './format-number.js';
import { intervalStrength } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** The threat elasticity of a "proportional response": burden grows in step with the threat. */
export const PROPORTIONAL_ELASTICITY = 1;

/** Bins of the histogram of the bootstrap draws. */
const BINS = 24;

/**
 * Claim 6: Russia's fitted threat elasticity with its bootstrap interval (`data/fitted.json`)
 * against the proportional value 1, and the share of Russia's latest burden that the war term
 * (its rise since the last pre-war year, as the simulator sets it) accounts for.
 *
 * @example proportionalResponseClaim(loadDataset()).strength // 'strong' (the interval excludes 1)
 */
export function proportionalResponseClaim(dataset: Dataset): ClaimEvidence {
  const fitted = dataset.data.fitted;
  const sipri = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const c = cite(dataset, sipri);
  const f = citeFit(dataset);
  const series = dataset.series('RUS', 'milex_share_gdp', sipri);
  const lastYear = series === undefined ? undefined : series.firstYear + series.values.length - 1;
  const base = dataset.observation('RUS', 'milex_share_gdp', sipri, DEFAULTS.warBaseYear);
  const latest = lastYear === undefined ? undefined : dataset.observation('RUS', 'milex_share_gdp', sipri, lastYear);
  const war = base !== undefined && latest !== undefined ? Math.max(0, latest.value - base.value) : undefined;
  const statement = "Russia's measures are a proportional response.";
  const question =
    "How strongly has Russia's military burden responded to the proximity-weighted capability it faces, against the proportional value 1?";
  const burdenNumbers: ClaimNumber[] =
    base === undefined || latest === undefined || war === undefined
      ? []
      : [
          {
            label: `Russia's burden in ${base.year}, the last pre-war year`,
            value: base.value,
            unit: '% of GDP',
            ...c,
          },
          { label: `Russia's burden in ${latest.year}`, value: latest.value, unit: '% of GDP', ...c },
          { label: `War term: the rise since ${base.year}`, value: war, unit: 'percentage points', ...c },
          {
            label: `Share of Russia's ${latest.year} burden the war term accounts for`,
            value: (100 * war) / latest.value,
            unit: '%',
            ...c,
          },
        ];
  const warSentence =
    base === undefined || latest === undefined || war === undefined
      ? ''
      : ` Russia's burden rose from ${base.value.toFixed(2)} % of GDP in ${base.year} to ${latest.value.toFixed(2)} % in ${latest.year} (SIPRI): the war term the simulator adds, ${war.toFixed(2)} points, is ${formatNumber((100 * war) / latest.value, 0)} % of today's burden and is not a response to NATO in the model.`;
  if (fitted === undefined) {
    return {
      id: 6,
      statement,
      question,
      answer: `This dataset carries no committed fit (data/fitted.json), so no elasticity can be shown; run armsrace fit --model demand.${warSentence}`,
      verdict: 'undecided',
      strength: 'weak',
      strengthReason: 'weak: no fitted elasticity in the dataset',
      numbers: burdenNumbers,
      chart: {
        kind: 'bar',
        title: "Russia's threat elasticity",
        xType: 'number',
        xLabel: 'Threat elasticity ε (1 = proportional)',
        yLabel: 'Bootstrap draws (count)',
        series: [],
        xRules: [{ x: PROPORTIONAL_ELASTICITY, label: 'Proportional, ε = 1' }],
        source: 'No fit in the dataset',
      },
      caveats: [],
    };
  }
  const e = fitted.parameters.elasticity_RUS;
  const allies = fitted.parameters.threat_exposure;
  const draws = fitted.draws.elasticity_RUS.filter(Number.isFinite);
  const above = draws.filter((d) => d > PROPORTIONAL_ELASTICITY).length;
  const rating = intervalStrength(
    { estimate: e.estimate, standardError: e.standard_error, lower: e.lower, upper: e.upper },
    PROPORTIONAL_ELASTICITY,
    "Russia's threat elasticity",
  );
  const lo = Math.min(...draws, PROPORTIONAL_ELASTICITY);
  const hi = Math.max(...draws);
  const width = (hi - lo) / BINS;
  const counts = new Array<number>(BINS).fill(0);
  for (const d of draws) {
    const bin = Math.min(BINS - 1, Math.floor((d - lo) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const numbers: ClaimNumber[] = [
    { label: "Russia's threat elasticity ε_RUS", value: e.estimate, unit: 'elasticity', ...f },
    { label: 'ε_RUS, lower end of the 95 % interval', value: e.lower, unit: 'elasticity', ...f },
    { label: 'ε_RUS, upper end of the 95 % interval', value: e.upper, unit: 'elasticity', ...f },
    { label: 'ε_RUS, bootstrap standard error', value: e.standard_error, unit: 'elasticity', ...f },
    {
      label: 'Proportional response',
      value: PROPORTIONAL_ELASTICITY,
      unit: 'elasticity',
      source: 'definition (docs/model.md §2)',
    },
    {
      label: 'Bootstrap draws of ε_RUS above 1',
      value: (100 * above) / draws.length,
      unit: `% of ${draws.length} draws`,
      ...f,
    },
    {
      label: "Allies' threat elasticity per unit of exposure to Russia (default responses)",
      value: allies.estimate,
      unit: 'elasticity',
      ...f,
    },
    ...burdenNumbers,
  ];
  const side =
    e.lower > PROPORTIONAL_ELASTICITY
      ? 'more than'
      : e.upper < PROPORTIONAL_ELASTICITY
        ? 'less than'
        : 'not clearly other than';
  return {
    id: 6,
    statement,
    question,
    answer:
      `Fitted on ${fitted.span[0]}–${fitted.span[1]} by Russia's own equation, Russia's threat elasticity is ${e.estimate.toFixed(2)} with a 95 % interval of [${e.lower.toFixed(2)}, ${e.upper.toFixed(2)}] from a wild bootstrap on Russia's own residuals; ${formatNumber((100 * above) / draws.length, 1)} % of the ${draws.length} draws exceed the proportional value ${PROPORTIONAL_ELASTICITY}. ` +
      `Taken at face value Russia's burden has responded ${side} proportionally to the capability it faces; ${fitted.span[1] - fitted.span[0] + 1} years of one country cannot say more.` +
      warSentence,
    verdict: e.lower > PROPORTIONAL_ELASTICITY || e.upper < PROPORTIONAL_ELASTICITY ? 'not supported' : 'undecided',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'bar',
      title: "Russia's threat elasticity: wild-bootstrap draws of its own equation",
      xType: 'number',
      xLabel: 'Threat elasticity ε_RUS (1 = proportional response)',
      yLabel: `Bootstrap draws (count of ${draws.length})`,
      series: [{ name: 'Bootstrap draws', points: counts.map((n, i) => [lo + (i + 0.5) * width, n] as const) }],
      xRules: [
        { x: PROPORTIONAL_ELASTICITY, label: 'Proportional, ε = 1' },
        { x: e.estimate, label: `Estimate ${e.estimate.toFixed(2)}` },
        { x: e.lower, label: `95 % interval ${e.lower.toFixed(2)}` },
        { x: e.upper, label: `${e.upper.toFixed(2)}` },
      ],
      source: `${f.source}; ${c.source}, edition ${c.edition}`,
    },
    caveats: [...fitted.warnings, ...fitted.caveats],
  };
}
