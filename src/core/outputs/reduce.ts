import type { AnnualMeans } from '../model/annual-means.js';
import type { ResolvedScenario } from '../model/parameters.js';
import { lowestMeeting } from '../threshold.js';
import { BLOCS, inBloc, OUTPUTS, outputIndex } from './catalogue.js';

/** What the reduction reads of a compiled model: its size, its first year and the membership. */
export interface ReducibleModel {
  readonly n: number;
  readonly members: number;
  readonly start: number;
  isAlly(i: number, year: number): boolean;
}

const RUS = 'RUS';

/**
 * Reduce the annual means of `M` members to every catalogued output ({@link OUTPUTS}), into
 * `out[(k·M + m)·Y + y]` for output `k` (a new array when none is given). The one reduction of a
 * run: the deterministic run is its one-member case. A value that does not exist (a bloc without
 * GDP, a ratio to nothing, the growth of the first year) is NaN.
 *
 * @example reduceRun(model, scenario, annual)[outputIndex('NATO.burden') * annual.years] // NATO's burden in the first year
 */
export function reduceRun(
  model: ReducibleModel,
  scenario: ResolvedScenario,
  annual: Pick<AnnualMeans, 'years' | 'gdp' | 'spending' | 'capability' | 'threat'>,
  out: Float64Array = new Float64Array(OUTPUTS.length * model.members * annual.years),
): Float64Array {
  const { n, members: M } = model;
  const Y = annual.years;
  const actors = scenario.actors;
  const rus = actors.findIndex((a) => a.iso3 === RUS);
  const at = (k: number, m: number, y: number) => (k * M + m) * Y + y;
  const bloc = BLOCS.map((b) => ({
    spending: outputIndex(`${b.id}.spending`),
    gdp: outputIndex(`${b.id}.gdp`),
    burden: outputIndex(`${b.id}.burden`),
    capability: outputIndex(`${b.id}.capability`),
  }));
  const [kNato, kEurope, kRussia] = bloc as [(typeof bloc)[0], (typeof bloc)[0], (typeof bloc)[0]];
  const kBalance = outputIndex('balance');
  const kBalanceNato = outputIndex('balance_nato');
  const kSecurity = outputIndex('RUS.security_ratio');
  const kFrontline = outputIndex('RUS.frontline_balance');
  const kRace = outputIndex('race_intensity');
  const kAllies = outputIndex('allies');
  const kAt2 = outputIndex('allies_at_2');
  const kAt35 = outputIndex('allies_at_3.5');
  const kShort = outputIndex('allies_short_of_3.5');
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const sums = new Float64Array(BLOCS.length * 3);
  // Membership depends on the actor and the year alone: per year and actor, a bit per bloc and
  // whether it is an ally (bit 7), worked out once for all members.
  const blocBits = new Uint8Array(Y * n);
  for (let y = 0; y < Y; y++) {
    for (let i = 0; i < n; i++) {
      const ally = model.isAlly(i, model.start + y);
      const actor = actors[i] as ResolvedScenario['actors'][number];
      let bits = ally ? 128 : 0;
      for (const [b, def] of BLOCS.entries()) if (inBloc(def.id, actor, ally)) bits |= 1 << b;
      blocBits[y * n + i] = bits;
    }
  }
  // An ally counts once its burden, rounded to two decimals of a percent, reaches the line: the
  // same test as meetsThreshold, its bounds computed once.
  const line2 = lowestMeeting(2);
  const line35 = lowestMeeting(3.5);
  const B = BLOCS.length;
  for (let m = 0; m < M; m++) {
    for (let y = 0; y < Y; y++) {
      sums.fill(0);
      let allies = 0;
      let at2 = 0;
      let at35 = 0;
      for (let i = 0; i < n; i++) {
        const c = (i * M + m) * Y + y;
        const spend = annual.spending[c] as number;
        const gdp = annual.gdp[c] as number;
        const capability = annual.capability[c] as number;
        const bits = blocBits[y * n + i] as number;
        for (let b = 0; b < B; b++) {
          if ((bits & (1 << b)) === 0) continue;
          sums[b * 3] = (sums[b * 3] as number) + spend;
          sums[b * 3 + 1] = (sums[b * 3 + 1] as number) + gdp;
          sums[b * 3 + 2] = (sums[b * 3 + 2] as number) + capability;
        }
        if (bits >= 128) {
          allies++;
          const burden = 100 * (spend / gdp);
          if (burden >= line2) at2++;
          if (burden >= line35) at35++;
        }
      }
      for (const [b, k] of bloc.entries()) {
        out[at(k.spending, m, y)] = sums[b * 3] as number;
        out[at(k.gdp, m, y)] = sums[b * 3 + 1] as number;
        out[at(k.burden, m, y)] = ratio(sums[b * 3] as number, sums[b * 3 + 1] as number);
        out[at(k.capability, m, y)] = sums[b * 3 + 2] as number;
      }
      const russianK = out[at(kRussia.capability, m, y)] as number;
      out[at(kBalance, m, y)] = ratio(out[at(kEurope.capability, m, y)] as number, russianK);
      out[at(kBalanceNato, m, y)] = ratio(out[at(kNato.capability, m, y)] as number, russianK);
      const rc = (rus * M + m) * Y + y;
      const rusK = rus < 0 ? Number.NaN : (annual.capability[rc] as number);
      const rusTheta = rus < 0 ? Number.NaN : (annual.threat[rc] as number);
      out[at(kSecurity, m, y)] = ratio(rusK, rusTheta);
      out[at(kFrontline, m, y)] = ratio(rusTheta, rusK);
      if (y === 0) out[at(kRace, m, y)] = Number.NaN;
      else {
        const gA = ratio(out[at(kNato.spending, m, y)] as number, out[at(kNato.spending, m, y - 1)] as number) - 1;
        const gB = ratio(out[at(kRussia.spending, m, y)] as number, out[at(kRussia.spending, m, y - 1)] as number) - 1;
        out[at(kRace, m, y)] = Math.sqrt(Math.max(0, gA) * Math.max(0, gB));
      }
      out[at(kAllies, m, y)] = allies;
      out[at(kAt2, m, y)] = at2;
      out[at(kAt35, m, y)] = at35;
      out[at(kShort, m, y)] = allies - at35;
    }
  }
  return out;
}
