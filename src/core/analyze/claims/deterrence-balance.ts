import { type Dataset, observations } from '../../data/dataset.js';
import type { StabilityMode } from '../../model/stability.js';
import {
  boundarySegment,
  type DeterrenceParameters,
  type DeterrenceRegion,
  deterrenceBoundaries,
  deterrenceParameters,
  deterrencePosition,
  mutualDeterrenceVertex,
} from '../deterrence.js';
import { cite, citeScenario } from './cite.js';
import { formatNumber } from './format-number.js';
import type { NamedRun } from './security-dilemma.js';
import { modelStrength, weakest } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** Assumption grid the observed region is re-checked over: exchange ratios and unacceptable damage. */
const EXCHANGE_GRID = [0.25, 0.5, 0.75] as const;
const RETALIATION_GRID = [200, 400, 800] as const;

const MODE_TEXT: Record<StabilityMode, string> = {
  stable: 'stable',
  race: 'a race between the blocs',
  'within-bloc': 'within one bloc, not a race',
};

/** The first sentence of claim 7's answer: how many margins are positive, and how many of those are races. */
function stabilityAnswer(checked: number, positive: number, races: number): string {
  return positive === 0
    ? `With the fitted responses the stability margin is not positive in any of the ${checked} scenario-years checked: perturbations decay, nothing runs away`
    : `With the fitted responses the stability margin is positive in ${positive} of ${checked} scenario-years checked — ` +
        `a race between the blocs, both arming together until the burden bounds bind, in ${races} of them; free-riding or one bloc alone, not a race, in ${positive - races}`;
}

const REGION_TEXT: Record<DeterrenceRegion, string> = {
  'mutual-deterrence': 'mutual deterrence',
  'only-a-deters': 'one-sided deterrence (only the United States deters)',
  'only-b-deters': 'one-sided deterrence (only Russia deters)',
  'war-initiation': 'the war-initiation region',
  'no-deterrence': 'no deterrence either way',
};

/** New START: its limit on deployed strategic warheads and the day it lapsed (5 February 2026). */
export const NEW_START = { deployedStrategicLimit: 1550, lapsed: '2026-02-05', lapsedText: '5 February 2026' } as const;

/**
 * Claim 7: the stability margin of the demand model under each scenario (start, comparison year,
 * last year) with the mode that drives it (a race between the blocs, or within one bloc), and
 * where the FAS warhead inventories of the United States (A) and Russia (B) sit among the
 * deterrence regions of Intriligator & Brito (1984).
 *
 * @param runs scenarios run with their stability margins at the years reported
 * @example deterrenceClaim(loadDataset(), runs, 2035, {}).numbers[0].unit // '1/years'
 */
export function deterrenceClaim(
  dataset: Dataset,
  runs: readonly NamedRun[],
  year: number,
  given: Partial<DeterrenceParameters>,
): ClaimEvidence {
  const p = deterrenceParameters(given);
  // The long history (and the deployed split) from the edition that has it; the newest edition's
  // stockpiles, after New START lapsed, as a point of their own.
  const fas = dataset.latestEdition('fas-', 'warheads_deployed_strategic', 'fas-2023');
  const newest = dataset.editions('fas-')[0]?.id;
  const c = cite(dataset, fas);
  const margins = runs.flatMap((r) =>
    r.result.stability.map((s) => ({
      id: r.id,
      name: r.result.scenario.name,
      year: s.year,
      margin: s.margin,
      report: s,
    })),
  );
  const positive = margins.filter((m) => m.margin > 0);
  const races = margins.filter((m) => m.report.mode === 'race').length;
  const stabilityRating = modelStrength(
    Math.max(positive.length, margins.length - positive.length),
    margins.length,
    `the sign of the stability margin (${positive.length >= margins.length - positive.length ? 'positive' : 'negative'})`,
  );
  const stockpile = (iso3: string) => {
    const s = dataset.series(iso3, 'warheads_stockpile', fas);
    return new Map((s === undefined ? [] : observations(s)).map((o) => [o.year, o.value]));
  };
  const usa = stockpile('USA');
  const rus = stockpile('RUS');
  const years = [...usa.keys()].filter((y) => rus.has(y) || y < Math.min(...rus.keys())).sort((a, b) => a - b);
  const path = years.map((y) => [usa.get(y) as number, rus.get(y) ?? 0, y] as const);
  const recent = (iso3: string) =>
    newest === undefined || newest === fas ? undefined : dataset.series(iso3, 'warheads_stockpile', newest);
  const recentUsa = recent('USA');
  const recentRus = recent('RUS');
  const after =
    recentUsa === undefined || recentRus === undefined
      ? undefined
      : (() => {
          const a = observations(recentUsa).at(-1);
          const b = a === undefined ? undefined : observations(recentRus).find((o) => o.year === a.year);
          return a === undefined || b === undefined || a.year <= (path.at(-1)?.[2] ?? 0)
            ? undefined
            : { year: a.year, usa: a.value, rus: b.value, source: cite(dataset, newest as string) };
        })();
  const deployed = (iso3: string) => {
    const s = dataset.series(iso3, 'warheads_deployed_strategic', fas);
    return s === undefined ? [] : observations(s);
  };
  const depUsa = deployed('USA');
  const depRus = deployed('RUS');
  const latestUsa = depUsa.at(-1);
  const latestRus = depRus.find((o) => o.year === latestUsa?.year);
  const numbers: ClaimNumber[] = margins.map((m) => ({
    label: `Stability margin, ${m.name}, ${m.year} (${MODE_TEXT[m.report.mode]})`,
    value: m.margin,
    unit: '1/years',
    ...citeScenario(m.name),
  }));
  if (after !== undefined)
    numbers.push(
      { label: `US military stockpile, ${after.year}`, value: after.usa, unit: 'warheads', ...after.source },
      { label: `Russian military stockpile, ${after.year}`, value: after.rus, unit: 'warheads', ...after.source },
      {
        label: `New START limit on deployed strategic warheads (lapsed ${NEW_START.lapsedText})`,
        value: NEW_START.deployedStrategicLimit,
        unit: 'warheads',
        source: 'New START treaty (2010), Article II; expired 5 February 2026 with no successor',
      },
    );
  const ratings = [stabilityRating];
  let deterrenceText = 'FAS has no deployed strategic warheads for both sides in the same year here.';
  let region: DeterrenceRegion | undefined;
  const vertex = mutualDeterrenceVertex(p);
  const model = { source: 'armsrace deterrence model after Intriligator & Brito (1984), default assumptions' };
  if (latestUsa !== undefined && latestRus !== undefined) {
    const at = deterrencePosition(latestUsa.value, latestRus.value, p);
    region = at.region;
    const grid = EXCHANGE_GRID.flatMap((exchange) =>
      RETALIATION_GRID.map((need) =>
        deterrencePosition(latestUsa.value, latestRus.value, {
          ...p,
          exchangeA: exchange,
          exchangeB: exchange,
          retaliationNeededA: need,
          retaliationNeededB: need,
        }),
      ),
    );
    const same = grid.filter((g) => g.region === at.region).length;
    ratings.push(
      modelStrength(
        same,
        grid.length,
        `the region of the ${latestUsa.year} deployed strategic forces (${REGION_TEXT[at.region]})`,
      ),
    );
    const firstMutual = path.find(([a, b]) => deterrencePosition(a, b, p).region === 'mutual-deterrence');
    const initiation = yearRuns(
      path.filter(([a, b]) => deterrencePosition(a, b, p).region === 'war-initiation').map(([, , y]) => y),
    );
    numbers.push(
      { label: `US deployed strategic warheads, ${latestUsa.year}`, value: latestUsa.value, unit: 'warheads', ...c },
      {
        label: `Russian deployed strategic warheads, ${latestRus.year}`,
        value: latestRus.value,
        unit: 'warheads',
        ...c,
      },
      { label: 'US second-strike surplus over unacceptable damage', value: at.surplusA, unit: 'warheads', ...model },
      {
        label: 'Russian second-strike surplus over unacceptable damage',
        value: at.surplusB,
        unit: 'warheads',
        ...model,
      },
      ...(vertex === undefined
        ? []
        : [
            { label: 'Smallest US force in mutual deterrence', value: vertex.a, unit: 'warheads', ...model },
            { label: 'Smallest Russian force in mutual deterrence', value: vertex.b, unit: 'warheads', ...model },
          ]),
      {
        label: 'Unacceptable damage (retaliation needed), each side',
        value: p.retaliationNeededA,
        unit: 'warheads',
        ...model,
      },
      { label: 'Warheads destroyed per warhead fired', value: p.exchangeA, unit: 'ratio', ...model },
      { label: 'Assumption settings with the same region', value: same, unit: `of ${grid.length}`, ...model },
      ...(firstMutual === undefined
        ? []
        : [{ label: 'First year of mutual deterrence, stockpiles', value: firstMutual[2], unit: 'year', ...c }]),
    );
    deterrenceText =
      `For strategic forces, the ${latestUsa.year} deployed strategic warheads (United States ${formatNumber(latestUsa.value)}, Russia ${formatNumber(latestRus.value)}, FAS) lie in ${REGION_TEXT[at.region]}: ` +
      `after absorbing a first strike each side keeps ${formatNumber(at.surplusA)} (US) and ${formatNumber(at.surplusB)} (Russia) warheads beyond the ${formatNumber(p.retaliationNeededA)} assumed to inflict unacceptable damage, and the region is the same in ${same} of ${grid.length} assumption settings. ` +
      (firstMutual === undefined
        ? ''
        : `On the whole stockpiles the path first enters mutual deterrence in ${firstMutual[2]}${initiation === '' ? '' : `; it lies in the war-initiation region in ${initiation}`}.`);
  }
  const rating = weakest(ratings);
  const maxA = Math.max(...path.map(([a]) => a), 1) * 1.05;
  const maxB = Math.max(...path.map(([, b]) => b), 1) * 1.05;
  const names: Record<string, string> = {
    'a-deters': 'US deters Russia (to the right)',
    'b-deters': 'Russia deters the US (above)',
    'a-may-initiate': 'US may strike first (below)',
    'b-may-initiate': 'Russia may strike first (left)',
  };
  const unstable = positive.length > margins.length / 2;
  const compareMargins = margins.filter((m) => m.year === year);
  return {
    id: 7,
    statement: 'Russia must balance deterrence against escalation.',
    question:
      'Is the NATO–Russia spending system stable under each scenario, and do the strategic forces deter both ways?',
    answer:
      stabilityAnswer(margins.length, positive.length, races) +
      (compareMargins.length > 0
        ? `; in ${year} it ranges from ${compareMargins.reduce((m, x) => Math.min(m, x.margin), Number.POSITIVE_INFINITY).toFixed(3)} to ${compareMargins.reduce((m, x) => Math.max(m, x.margin), Number.NEGATIVE_INFINITY).toFixed(3)} a year across ${compareMargins.length} scenarios. `
        : '. ') +
      deterrenceText,
    verdict:
      region === 'mutual-deterrence' && unstable
        ? 'supported'
        : region === undefined
          ? 'undecided'
          : 'partly supported',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'line',
      title: 'US and Russian warheads among the deterrence regions (Intriligator–Brito)',
      xType: 'number',
      xLabel: 'US warheads',
      yLabel: 'Russian (Soviet before 1992) warheads',
      series: [
        { name: `Stockpiles ${path[0]?.[2]}–${path.at(-1)?.[2]}`, points: path.map(([a, b]) => [a, b] as const) },
        ...(after === undefined
          ? []
          : [
              {
                name: `Stockpiles, ${after.year} (FAS ${after.source.edition}, after New START lapsed)`,
                points: [[after.usa, after.rus] as const],
              },
            ]),
        ...(latestUsa === undefined || latestRus === undefined
          ? []
          : [
              {
                name: `Deployed strategic, ${latestUsa.year}`,
                points: [[latestUsa.value, latestRus.value] as const],
              },
            ]),
        {
          name: `New START limit: ${NEW_START.deployedStrategicLimit.toLocaleString('en-US')} deployed strategic each (lapsed ${NEW_START.lapsedText})`,
          points: [
            [0, NEW_START.deployedStrategicLimit],
            [NEW_START.deployedStrategicLimit, NEW_START.deployedStrategicLimit],
            [NEW_START.deployedStrategicLimit, 0],
          ] as const,
          dashed: true,
        },
        ...deterrenceBoundaries(p).map((line) => ({
          name: names[line.id] ?? line.id,
          points: boundarySegment(line, maxA, maxB).map(([a, b]) => [a, b] as const),
          dashed: true,
        })),
      ],
      source: `${c.source} (edition ${c.edition})${after === undefined ? '' : `; ${after.source.source} (edition ${after.source.edition})`}; regions: Intriligator & Brito (1984), linear form, unacceptable damage ${p.retaliationNeededA} warheads, ${p.exchangeA} warheads destroyed per warhead fired`,
    },
    caveats: [
      'The stability margin is a property of the model with its fitted responses (docs/estimation.md), not a forecast.',
      'The deterrence regions count warheads only: no delivery systems, alert levels, missile defence or submarines that a first strike cannot reach; every parameter is an assumption.',
      `FAS counts the USSR as Russia before 1992; its yearly series end in ${path.at(-1)?.[2] ?? 'the last year of the file'}.` +
        (after === undefined
          ? ''
          : ` Its ${after.year} stockpiles (United States ${after.usa.toLocaleString('en-US')}, Russia ${after.rus.toLocaleString('en-US')}) are the first after New START lapsed on ${NEW_START.lapsedText} with no successor; the treaty's limit of ${NEW_START.deployedStrategicLimit.toLocaleString('en-US')} deployed strategic warheads each is drawn for reference (FAS's ${after.year} figures split no deployed forces by country here).`),
    ],
  };
}

/** Consecutive years as ranges, e.g. `1945–1971, 1989–1993`. */
function yearRuns(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs.at(-1);
    if (last !== undefined && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}
