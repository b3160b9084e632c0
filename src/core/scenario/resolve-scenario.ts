import type { Dataset } from '../data/dataset.js';
import { lastYear, observationAt } from '../data/dataset.js';
import { type FittedDefaults, type FittedResponse, fittedResponse } from '../data/fitted.js';
import { gdpPath } from '../data/gdp-path.js';
import { InputError } from '../errors.js';
import type { ActorParameters, ResolvedScenario } from '../model/parameters.js';
import type { PledgeTerm } from '../model/pledge-path.js';
import { exposureToRussia } from '../model/proximity.js';
import type { WarTerm } from '../model/war.js';
import { DEFAULTS } from './defaults.js';
import { ScenarioError, type ScenarioIssue } from './parse-scenario.js';
import { runSpan } from './run-span.js';
import type { ScenarioInput } from './schema.js';

export type { ActorParameters, ResolvedScenario } from '../model/parameters.js';

/** Years over which the recent trend of a burden is measured for `compliance: trend`. */
export const TREND_YEARS = 3;

/**
 * Compliance `κ_i`: a given number; `binding`, 1 (the floor is {@link ActorParameters.binding});
 * or `trend` — the share of the gap to the highest pledge that the burden's rise over the last
 * {@link TREND_YEARS} years of data, continued, would close by the due year (0…1). Default: 1 for
 * actors already above every pledge, else 0.8.
 */
function complianceOf(
  value: number | 'trend' | 'binding' | undefined,
  aboveAll: boolean,
  series: Parameters<typeof observationAt>[0] | undefined,
  year: number,
  pledges: readonly PledgeTerm[],
): number {
  if (typeof value === 'number') return value;
  if (value === 'binding' || aboveAll) return 1;
  if (value === undefined || series === undefined) return DEFAULTS.compliance;
  const now = observationAt(series, year)?.value;
  const before = observationAt(series, year - TREND_YEARS)?.value;
  const pledge = pledges.reduce((a, p) => (p.targetShare > a.targetShare ? p : a));
  if (now === undefined || before === undefined) return DEFAULTS.compliance;
  const rise = ((now - before) / 100 / TREND_YEARS) * Math.max(0, pledge.by - year);
  const gap = pledge.targetShare - now / 100;
  return gap <= 0 ? 1 : Math.min(1, Math.max(0, rise / gap));
}

/**
 * Name where the start burdens come from: every actor on SIPRI's definition, or the allies on
 * NATO's edition (with its basis and the year read) and the others on SIPRI's.
 */
function burdenNote(dataset: Dataset, actors: readonly ActorParameters[], sipri: string): string {
  const nato = actors.filter((a) => a.startShareSource !== sipri);
  const edition = nato[0]?.startShareSource;
  if (edition === undefined) return `Burdens on SIPRI's definition (${sipri})`;
  const years = [...new Set(nato.map((a) => a.startShareYear))].sort();
  const others = actors.filter((a) => a.startShareSource === sipri).map((a) => a.iso3);
  return (
    `Allies start from NATO's figures (${edition}, ${dataset.source(edition)?.basis ?? "NATO's definition"}; ${years.join(', ')})` +
    (others.length > 0 ? `; ${others.join(', ')} from SIPRI's (${sipri}): the two definitions differ` : '')
  );
}

const pick = <T>(map: Record<string, T> | undefined, iso3: string): T | undefined => map?.[iso3] ?? map?.default;

/**
 * Fill a validated scenario with its defaults and the data it needs (start burdens, war terms).
 *
 * @throws {ScenarioError} for a country code the dataset does not know, an actor without data, a
 *   start before the first year the actors' data serve (named in the message), a USD inflation
 *   that takes GDP growth out of range, or actors without a pair of adversaries.
 * @example resolveScenario(parseScenario(''), loadDataset()).actors.length // 35
 */
export function resolveScenario(input: ScenarioInput, dataset: Dataset): ResolvedScenario {
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, value: unknown, message: string) =>
    issues.push({ path, value, message: `${path}: ${message}` });
  const { start, end } = runSpan(input);
  if (end <= start) issue('scenario.end', end, `${end} is not after start ${start}`);

  const sipri = dataset.latestEdition(`${DEFAULTS.burdenSource}-`, 'milex_share_gdp');
  const enlargement = new Map((input.enlargement ?? []).map((e) => [e.country, e.year]));
  const known = (iso3: string) => dataset.series(iso3, 'milex_share_gdp', sipri) !== undefined;
  // Default actors: the allies with a burden series (Iceland has no armed forces) and the others.
  const codes = input.actors ?? [...dataset.allies(), ...DEFAULTS.otherActors].filter(known);
  const all = [...new Set([...codes, ...enlargement.keys()])];
  const check = (path: string, iso3: string) => {
    if (!known(iso3)) {
      const list = [...new Set(dataset.list({ indicator: 'milex_share_gdp', source: sipri }).map((s) => s.iso3))]
        .sort()
        .join(' ');
      issue(path, iso3, `"${iso3}" has no burden series in ${sipri}; use one of ${list}`);
    }
  };
  for (const [i, c] of (input.actors ?? []).entries()) check(`scenario.actors[${i}]`, c);
  (input.enlargement ?? []).forEach((e, i) => {
    check(`scenario.enlargement[${i}].country`, e.country);
    const member = dataset.accession(e.country);
    if (member !== undefined)
      issue(
        `scenario.enlargement[${i}].country`,
        e.country,
        `${e.country} is already an ally since ${member.year}; name a country that is not`,
      );
  });
  for (const [field, map] of [
    ['compliance', input.compliance],
    ['response', input.response],
    ['war', input.war],
  ] as const) {
    for (const key of Object.keys(map ?? {})) {
      if (key !== 'default' && !all.includes(key))
        issue(`scenario.${field}.${key}`, key, `"${key}" is not an actor of this scenario; actors: ${all.join(' ')}`);
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  const coverage = dataCoverage(dataset, all, sipri, input);
  if (coverage.issues.length > 0) throw new ScenarioError(coverage.issues);
  if (start < coverage.firstStart) {
    const late = coverage.limits.filter((l) => l.firstStart > start);
    const named = `${late
      .slice(0, 6)
      .map((l) => `${l.iso3} from ${l.firstStart}`)
      .join(', ')}${late.length > 6 ? ', …' : ''}`;
    issue(
      'scenario.start',
      start,
      `${start} is before the data of this scenario's actors: the first year they all have a burden and GDP for is ${coverage.firstStart} (${named}); use start: ${coverage.firstStart} or later, or leave those actors out`,
    );
    throw new ScenarioError(issues);
  }

  // Default responses: the committed fit when the dataset carries one (its validated choice, or the
  // alternative named by response_fit), else the assumptions of DEFAULTS.
  const fittedData = dataset.data.fitted;
  if (input.response_fit !== undefined && fittedData?.selection !== undefined) {
    const known = [fittedData.selection.specification, ...Object.keys(fittedData.alternatives)];
    if (!known.includes(input.response_fit))
      throw new ScenarioError([
        {
          path: 'scenario.response_fit',
          value: input.response_fit,
          message: `scenario.response_fit: "${input.response_fit}" is not a specification of data/fitted.json; use one of ${known.join(', ')}`,
        },
      ]);
  }
  const pledgesIn = input.pledges ?? [
    { name: DEFAULTS.pledge.name, target: DEFAULTS.pledge.target, by: DEFAULTS.pledge.by },
  ];
  const partners = new Set(input.partners ?? DEFAULTS.partners);
  const natoEdition = input.burdens === 'nato' ? dataset.latestEdition('nato-', 'milex_share_gdp') : undefined;
  const actors: ActorParameters[] = all.map((iso3) => {
    const sipriSeries = dataset.series(iso3, 'milex_share_gdp', sipri);
    // Under burdens: nato an ally of the start year starts from NATO's figure; the war terms and
    // every non-ally keep SIPRI's (NATO reports its members only).
    const natoSeries =
      natoEdition !== undefined && dataset.isMember(iso3, start)
        ? dataset.series(iso3, 'milex_share_gdp', natoEdition)
        : undefined;
    const series = natoSeries ?? sipriSeries;
    const last = series === undefined ? undefined : lastYear(series);
    let year = Math.min(start, last ?? start);
    let obs = series === undefined ? undefined : observationAt(series, year);
    while (obs === undefined && series !== undefined && year > series.firstYear) {
      year--;
      obs = observationAt(series, year);
    }
    const startShare = (obs?.value ?? Number.NaN) / 100;
    const accession = dataset.accession(iso3);
    const joinsNato = accession?.year ?? enlargement.get(iso3) ?? Number.POSITIVE_INFINITY;

    const warIn = input.war?.[iso3];
    let dataWar = 0;
    if ((DEFAULTS.warActors as readonly string[]).includes(iso3) && series !== undefined && natoSeries === undefined) {
      const base = observationAt(series, DEFAULTS.warBaseYear)?.value;
      if (base !== undefined && obs !== undefined && year > DEFAULTS.warBaseYear)
        dataWar = Math.max(0, (obs.value - base) / 100);
    }
    const war: WarTerm = {
      extraShare: warIn?.extra_share ?? dataWar,
      until: warIn?.until === undefined ? null : warIn.until,
      fadeYears: warIn?.fade_years ?? DEFAULTS.warFadeYears,
    };
    const pledges: PledgeTerm[] = pledgesIn.map((p) => {
      const from = Math.max(p.from ?? start, start);
      return { targetShare: p.target, from, by: Math.max(p.by, from) };
    });
    const response = { ...input.response?.default, ...input.response?.[iso3] };
    const fitted =
      fittedResponse(fittedData, iso3, input.response_fit) ??
      fittedForNewcomer(fittedData, dataset, iso3, input.response_fit);
    const aboveAll = pledges.every((p) => startShare >= p.targetShare);
    const bounds = input.bounds ?? {};
    const compliance = pick(input.compliance, iso3);
    return {
      iso3,
      name: dataset.country(iso3)?.name ?? iso3,
      joinsNato,
      russianBloc: (DEFAULTS.russianBloc as readonly string[]).includes(iso3),
      partner: partners.has(iso3),
      startShare,
      startShareYear: year,
      startShareSource: natoSeries === undefined ? sipri : (natoEdition as string),
      elasticity: response.elasticity ?? fitted?.elasticity ?? DEFAULTS.elasticityByActor[iso3] ?? DEFAULTS.elasticity,
      spillIn: response.spill_in ?? fitted?.spill_in ?? DEFAULTS.spillIn,
      speed: response.speed ?? fitted?.speed ?? DEFAULTS.speed,
      compliance: complianceOf(compliance, aboveAll, series, year, pledges),
      binding: compliance === 'binding',
      buildShare: pick(input.capability?.build_share, iso3) ?? DEFAULTS.buildShare,
      floor: pick(input.geography?.floor, iso3) ?? DEFAULTS.floorByActor[iso3] ?? 0,
      minShare: bounds.min ?? DEFAULTS.minShare,
      maxShare: Math.max(bounds.max ?? DEFAULTS.maxShare, DEFAULTS.maxShareMultiple * startShare),
      war,
      pledges,
      longRunGrowth: pick(input.gdp?.long_run_growth, iso3),
    };
  });

  const adversaries = adversaryIssue(actors, end, input.actors !== undefined, [...partners]);
  if (adversaries !== undefined) throw new ScenarioError([adversaries]);

  return {
    name: input.name ?? 'Unnamed scenario',
    model: input.model ?? 'demand',
    start,
    end,
    stepYears: input.step_years ?? DEFAULTS.stepYears,
    solver: input.solver ?? 'rk4',
    decayKm: input.geography?.decay_km ?? DEFAULTS.decayKm,
    depreciation: input.capability?.depreciation ?? DEFAULTS.depreciation,
    usdInflation: input.gdp?.usd_inflation,
    burdenSource: sipri,
    burdens: input.burdens ?? 'sipri',
    burdenNote: burdenNote(dataset, actors, sipri),
    actors,
    input,
  };
}

/**
 * An actor the committed fit has no row for (a country outside the default actors, such as a new
 * ally of an enlargement): the allies' speed and spill-in, and their threat elasticity — the common
 * one where every ally has the same, else the response per unit of exposure (read off Poland's row)
 * at the country's own exposure to Russia.
 */
function fittedForNewcomer(
  fitted: FittedDefaults | undefined,
  dataset: Dataset,
  iso3: string,
  specification: string | undefined,
): FittedResponse | undefined {
  const reference = fittedResponse(fitted, 'POL', specification);
  const distant = fittedResponse(fitted, 'PRT', specification);
  const x = fitted?.exposure?.POL;
  if (reference === undefined) return undefined;
  const common = distant === undefined || distant.elasticity === reference.elasticity || x === undefined || !(x > 0);
  return {
    elasticity: common
      ? reference.elasticity
      : (reference.elasticity / x) * exposureToRussia(dataset, iso3, DEFAULTS.decayKm),
    spill_in: reference.spill_in,
    speed: reference.speed,
  };
}

/** The first year from which an actor can start a run: it has a burden then, and GDP the year before. */
interface ActorCoverage {
  readonly iso3: string;
  readonly firstStart: number;
}

/**
 * The first start year each actor's data serve — a burden observed in or before that year (the
 * start burden) and real GDP for every year from the one before it (GDP is interpolated between
 * mid-years) — and the latest of them; issues for an actor without GDP or a capital.
 */
function dataCoverage(
  dataset: Dataset,
  codes: readonly string[],
  sipri: string,
  input: ScenarioInput,
): { firstStart: number; limits: ActorCoverage[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const limits: ActorCoverage[] = [];
  const growthOut: string[] = [];
  const where = (iso3: string) => {
    const k = input.actors?.indexOf(iso3) ?? -1;
    if (k >= 0) return `scenario.actors[${k}]`;
    const e = input.enlargement?.findIndex((x) => x.country === iso3) ?? -1;
    return e >= 0 ? `scenario.enlargement[${e}].country` : 'scenario.actors';
  };
  for (const iso3 of codes) {
    const burden = dataset.series(iso3, 'milex_share_gdp', sipri);
    if (burden === undefined) continue;
    let firstBurden = burden.firstYear;
    while (observationAt(burden, firstBurden) === undefined && firstBurden < burden.firstYear + burden.values.length)
      firstBurden++;
    let path: ReturnType<typeof gdpPath>;
    const growth = input.gdp?.long_run_growth?.[iso3] ?? input.gdp?.long_run_growth?.default;
    const inflation = input.gdp?.usd_inflation;
    try {
      path = gdpPath(dataset, iso3, {
        ...(inflation !== undefined ? { usdInflation: inflation } : {}),
        ...(growth !== undefined ? { longRunGrowth: growth } : {}),
      });
    } catch (error) {
      if (error instanceof InputError && error.code === 'bad-option') {
        // The growth after the IMF projections defaults to theirs, deflated by the USD inflation.
        const rate = /longRunGrowth: (\S+)/.exec(error.message)?.[1];
        growthOut.push(`${iso3} ${rate === undefined ? '?' : (Number(rate) * 100).toPrecision(3)} %`);
      } else {
        issues.push({
          path: where(iso3),
          value: iso3,
          message: `${where(iso3)}: "${iso3}" has no real GDP series in the dataset; leave it out`,
        });
      }
      continue;
    }
    if (dataset.country(iso3)?.capital === undefined) {
      issues.push({
        path: where(iso3),
        value: iso3,
        message: `${where(iso3)}: "${iso3}" has no capital coordinates in the dataset (the proximity weights need them); leave it out`,
      });
      continue;
    }
    // The earliest year from which GDP runs without a gap up to the last year of data.
    let firstGdp = path.lastDataYear;
    while ((path.at(firstGdp - 1) ?? 0) > 0) firstGdp--;
    limits.push({ iso3, firstStart: Math.max(firstBurden, firstGdp + 1) });
  }
  if (growthOut.length > 0)
    issues.push({
      path: 'scenario.gdp.usd_inflation',
      value: input.gdp?.usd_inflation,
      message: `scenario.gdp.usd_inflation: ${input.gdp?.usd_inflation} turns the IMF's projections into real growth out of range (${growthOut.slice(0, 3).join(', ')}${growthOut.length > 3 ? ', …' : ''} a year), which GDP keeps after them; use a rate nearer 0.02, or set gdp.long_run_growth (above -0.5 and below 1)`,
    });
  limits.sort((a, b) => b.firstStart - a.firstStart || a.iso3.localeCompare(b.iso3));
  return { firstStart: limits[0]?.firstStart ?? Number.NEGATIVE_INFINITY, limits, issues };
}

/**
 * A run needs at least one pair of adversaries (docs/model.md §1: the allies and partners face the
 * Russian bloc, and it faces them); without one no actor has a threat and the balances divide by
 * zero. The issue says which side is missing.
 */
function adversaryIssue(
  actors: readonly ActorParameters[],
  end: number,
  explicit: boolean,
  partners: readonly string[],
): ScenarioIssue | undefined {
  const russian = actors.filter((a) => a.russianBloc);
  const facing = actors.filter((a) => a.partner || a.joinsNato < end);
  if (russian.length > 0 && facing.length > 0) return undefined;
  const path = explicit ? 'scenario.actors' : 'scenario';
  const codes = actors.map((a) => a.iso3);
  const list = codes.length > 12 ? `[${codes.slice(0, 12).join(', ')}, …]` : `[${codes.join(', ')}]`;
  const missing =
    russian.length === 0
      ? `the allies and partners face the Russian bloc, and no member of it is an actor; add ${DEFAULTS.russianBloc.join(' or ')}`
      : `the Russian bloc faces the allies and the partners (${partners.length > 0 ? partners.slice(0, 6).join(', ') : 'none'}), and no actor is an ally or a partner before ${end}; add one, e.g. POL or UKR`;
  return { path, value: codes, message: `${path}: ${list} has no pair of adversaries: ${missing}` };
}
