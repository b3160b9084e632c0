import { startDataNote } from '../../data/start-data-note.js';
import type { SimulationResult } from '../../simulate.js';
import { citeScenario } from './cite.js';
import { formatNumber, signed } from './format-number.js';
import { modelStrength } from './strength.js';
import type { ClaimEvidence, ClaimNumber } from './types.js';

/** One scenario's run, with the preset name it is reported under. */
export interface NamedRun {
  readonly id: string;
  readonly result: SimulationResult;
}

/** Russia's burden and security ratio, NATO's burden, in one year of a run. */
function at(run: SimulationResult, year: number) {
  const k = run.years.indexOf(year);
  const rus = run.actors.find((a) => a.iso3 === 'RUS');
  const nato = run.blocs.find((b) => b.id === 'NATO');
  if (k < 0 || rus === undefined || nato === undefined) {
    throw new RangeError(
      `scenario "${run.scenario.name}": no year ${year} or no Russia in the run; compare a year from ${run.years[0]} to ${run.years.at(-1)} with Russia among the actors`,
    );
  }
  const spend = (b: typeof nato, from: number) => b.spending.slice(0, from + 1).reduce((s, v) => s + v, 0);
  const rusBloc = run.blocs.find((b) => b.id === 'RUS_BLOC') ?? nato;
  return {
    rusBurden: rus.burden[k] as number,
    rusRatio: rus.securityRatio[k] as number,
    natoBurden: nato.burden[k] as number,
    cumulativeSpending: spend(nato, k) + spend(rusBloc, k),
  };
}

/**
 * Claim 4: the security dilemma in the demand model. Compare a scenario where both sides arm with
 * one where both restrain: burdens differ a lot, Russia's security ratio `K/Θ` little. "Flat" means
 * the change of the ratio's logarithm is below `flatRatio` times the change of the burden's.
 *
 * @param runs the scenarios run, the armed and the restraint ones among them
 * @throws {RangeError} when the armed or restraint scenario is not among `runs`.
 * @example securityDilemmaClaim(runs, 'hague-met', 'mutual-restraint', 2035, 0.25).numbers.length
 */
export function securityDilemmaClaim(
  runs: readonly NamedRun[],
  armedId: string,
  restraintId: string,
  year: number,
  flatRatio: number,
): ClaimEvidence {
  const find = (id: string, field: string) => {
    const r = runs.find((x) => x.id === id);
    if (r === undefined) {
      throw new RangeError(
        `${field}: "${id}" is not among the scenarios; use one of ${runs.map((x) => x.id).join(', ')}`,
      );
    }
    return r;
  };
  const armed = find(armedId, 'armedScenario');
  const restraint = find(restraintId, 'restraintScenario');
  const a = at(armed.result, year);
  const r = at(restraint.result, year);
  const start = armed.result.years[0] as number;
  const dBurden = Math.log(a.rusBurden / r.rusBurden);
  const dRatio = Math.log(a.rusRatio / r.rusRatio);
  const response = dRatio / dBurden;
  // Every other run in which both blocs spend more than under restraint: is the ratio flat there too?
  const armedRuns = runs.filter((x) => {
    if (x.id === restraintId) return false;
    const v = at(x.result, year);
    return v.rusBurden > r.rusBurden && v.natoBurden > r.natoBurden;
  });
  const flat = armedRuns.filter((x) => {
    const v = at(x.result, year);
    return Math.abs(Math.log(v.rusRatio / r.rusRatio)) < flatRatio * Math.abs(Math.log(v.rusBurden / r.rusBurden));
  });
  const rating = modelStrength(
    flat.length,
    armedRuns.length,
    `a flat security ratio for Russia (log change below ${flatRatio} of the burden's) against "${restraint.result.scenario.name}"`,
  );
  const ca = citeScenario(armed.result.scenario.name);
  const cr = citeScenario(restraint.result.scenario.name);
  const pct = (x: number) => x * 100;
  const extraBn = (a.cumulativeSpending - r.cumulativeSpending) / 1000;
  const numbers: ClaimNumber[] = [
    { label: `NATO's burden in ${year}, both arm`, value: pct(a.natoBurden), unit: '% of GDP', ...ca },
    { label: `NATO's burden in ${year}, restraint`, value: pct(r.natoBurden), unit: '% of GDP', ...cr },
    { label: `Russia's burden in ${year}, both arm`, value: pct(a.rusBurden), unit: '% of GDP', ...ca },
    { label: `Russia's burden in ${year}, restraint`, value: pct(r.rusBurden), unit: '% of GDP', ...cr },
    { label: `Russia's security ratio K/Θ in ${year}, both arm`, value: a.rusRatio, unit: 'ratio', ...ca },
    { label: `Russia's security ratio K/Θ in ${year}, restraint`, value: r.rusRatio, unit: 'ratio', ...cr },
    {
      label: "Change of Russia's burden, both arm against restraint",
      value: pct(Math.exp(dBurden) - 1),
      unit: '%',
      ...ca,
    },
    {
      label: "Change of Russia's security ratio, both arm against restraint",
      value: pct(Math.exp(dRatio) - 1),
      unit: '%',
      ...ca,
    },
    {
      label: 'Security-ratio change per burden change (log points per log point)',
      value: response,
      unit: 'ratio',
      ...ca,
    },
    {
      label: `Extra spending of NATO and Russia–Belarus, ${start}–${year}, both arm against restraint`,
      value: extraBn,
      unit: 'USD bn at 2015 prices',
      ...ca,
    },
    {
      label: "Scenarios where both arm and Russia's ratio stays flat",
      value: flat.length,
      unit: `of ${armedRuns.length} scenarios`,
      source: 'armsrace demand model, preset scenarios',
    },
  ];
  const index = (run: SimulationResult, field: 'burden' | 'securityRatio') => {
    const rus = run.actors.find((x) => x.iso3 === 'RUS');
    const first = rus?.[field][0] as number;
    return run.years.map((y, k) => [y, (100 * (rus?.[field][k] as number)) / first] as const);
  };
  return {
    id: 4,
    statement: "NATO's spending will not significantly enhance Russia's security (the security dilemma).",
    question: 'When both sides arm, do burdens rise while the security ratio (capability ÷ threat) stays flat?',
    answer:
      `In the model, when both sides arm ("${armed.result.scenario.name}") rather than restrain ("${restraint.result.scenario.name}"), Russia's burden in ${year} is ${formatNumber(pct(a.rusBurden), 1)} % of GDP instead of ${formatNumber(pct(r.rusBurden), 1)} % (${signed(pct(Math.exp(dBurden) - 1), 0)} %) and NATO's ${formatNumber(pct(a.natoBurden), 2)} % instead of ${formatNumber(pct(r.natoBurden), 2)} %, about USD ${formatNumber(extraBn, 0)} bn more spending over ${start}–${year}. ` +
      `Russia's security ratio moves only ${signed(pct(Math.exp(dRatio) - 1), 1)} % (${formatNumber(response, 2)} log points per log point of burden)${Math.abs(dRatio) < flatRatio * Math.abs(dBurden) ? ': its extra capability is largely offset by the capability it provokes' : ''}. ` +
      `The ratio stays flat in ${flat.length} of ${armedRuns.length} scenarios where both sides spend more than under restraint.`,
    verdict:
      flat.length === armedRuns.length && armedRuns.length > 0
        ? 'supported'
        : flat.length > 0
          ? 'partly supported'
          : 'not supported',
    strength: rating.strength,
    strengthReason: rating.reason,
    numbers,
    chart: {
      kind: 'line',
      title: "Russia's burden and security ratio when both arm and when both restrain",
      xType: 'year',
      xLabel: 'Year',
      yLabel: `Index, ${start} = 100`,
      series: [
        { name: `Burden, ${armed.result.scenario.name}`, points: index(armed.result, 'burden') },
        { name: `Security ratio, ${armed.result.scenario.name}`, points: index(armed.result, 'securityRatio') },
        { name: `Burden, ${restraint.result.scenario.name}`, points: index(restraint.result, 'burden'), dashed: true },
        {
          name: `Security ratio, ${restraint.result.scenario.name}`,
          points: index(restraint.result, 'securityRatio'),
          dashed: true,
        },
      ],
      rules: [{ y: 100, label: `${start} level` }],
      source: `Simulated with armsrace (demand model, fitted responses), scenarios "${armed.result.scenario.name}" and "${restraint.result.scenario.name}"; ${startDataNote(armed.result.scenario.burdenSource)}`,
    },
    caveats: [
      'A model result: it follows from the fitted threat responses and the proximity weights, not from observed security.',
      'Capability is accumulated spending (perpetual inventory), not forces, readiness or technology.',
    ],
  };
}
