import type { FittedDefaults } from '../data/fitted.js';
import { normalCdf, normalQuantile } from '../estimate/distributions.js';
import { exp, log } from '../math/elementary.js';
import type { RandomGenerator } from '../math/random.js';
import type { MemberParameters } from '../model/demand/index.js';
import { ScenarioError, type ScenarioIssue, scenarioError } from '../scenario/parse-scenario.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import { LIMITS, type ScenarioInput } from '../scenario/schema.js';
import { showValue } from '../scenario/show-value.js';

type Distribution = NonNullable<NonNullable<ScenarioInput['ensemble']>['uncertain']>[string];

/** One uncertain parameter of an ensemble: draw a value, write it into a member's parameters. */
export interface UncertainParameter {
  readonly path: string;
  readonly distribution: Distribution;
  /** Draw this parameter's value(s) for member `m` from `rng` and set them. */
  draw(rng: RandomGenerator, parameters: MemberParameters, m: number): void;
  /** Set member `m`'s value directly (not for `bootstrap: fitted`, which sets four at once). */
  readonly set: ((parameters: MemberParameters, m: number, value: number) => void) | undefined;
  /** The value at cumulative probability `u` of the distribution (not for bootstrap draws). */
  readonly inverseCdf: ((u: number) => number) | undefined;
}

/** What a path may name, for the error message. */
export const UNCERTAIN_PATHS = [
  'response.<ISO3|default>.elasticity|spill_in|speed',
  'compliance.<ISO3|default>',
  'war.<ISO3>.extra_share|until|fade_years',
  'pledges[<k>].target|by',
  'geography.decay_km',
  'geography.floor.<ISO3>',
  'capability.depreciation',
  'capability.build_share.<ISO3|default>',
  'response: { bootstrap: fitted } (the fit’s bootstrap draws of every response together)',
] as const;

/** Draw one number from a distribution of the scenario file. */
function sample(d: Distribution, rng: RandomGenerator): number {
  if ('normal' in d) return d.normal[0] + d.normal[1] * rng.normal();
  if ('lognormal' in d) return rng.lognormal(d.lognormal[0], d.lognormal[1]);
  if ('uniform' in d) return d.uniform[0] + (d.uniform[1] - d.uniform[0]) * rng.uniform();
  if ('triangular' in d) return rng.triangular(d.triangular[0], d.triangular[1], d.triangular[2]);
  throw new RangeError('bootstrap draws are applied by their own parameter');
}

/**
 * Compile a scenario's `ensemble.uncertain` block into draw-and-set steps, in the sorted order of
 * their paths (so a member's draws depend only on its random stream).
 *
 * Each draw is clipped to the parameter's bounds ({@link boundsOf}: those of its scenario field).
 *
 * @throws {ScenarioError} naming the path and what is accepted: a path that names no parameter,
 *   an actor not in the scenario, an impossible distribution (low ≥ high, a mode outside its range),
 *   one that puts less than {@link MIN_INSIDE} of its probability inside the parameter's bounds,
 *   `bootstrap: fitted` without a committed fit.
 */
export function compileUncertain(
  input: ScenarioInput,
  scenario: ResolvedScenario,
  fitted: FittedDefaults | undefined,
): UncertainParameter[] {
  const block = input.ensemble?.uncertain ?? {};
  const codes = scenario.actors.map((a) => a.iso3);
  const n = codes.length;
  const issues: ScenarioIssue[] = [];
  const out: UncertainParameter[] = [];
  for (const path of Object.keys(block).sort()) {
    const d = block[path] as Distribution;
    const where = `scenario.ensemble.uncertain["${path}"]`;
    const fail = (message: string) => issues.push({ path: where, value: path, message: `${where}: ${message}` });
    if ('uniform' in d && !(d.uniform[0] < d.uniform[1])) {
      fail(`uniform: [${d.uniform.join(', ')}] is impossible; the low end must be below the high end`);
      continue;
    }
    if (
      'triangular' in d &&
      !(d.triangular[0] <= d.triangular[1] && d.triangular[1] <= d.triangular[2] && d.triangular[0] < d.triangular[2])
    ) {
      fail(
        `triangular: [${d.triangular.join(', ')}] is impossible; use [low, mode, high] with low ≤ mode ≤ high and low < high`,
      );
      continue;
    }
    if ('bootstrap' in d) {
      if (path !== 'response') {
        fail(`bootstrap: fitted draws the fit's four responses together; write it under the path "response"`);
        continue;
      }
      if (fitted === undefined) {
        fail(
          'bootstrap: fitted needs the committed fit (data/fitted.json); run armsrace fit --model demand --write-defaults',
        );
        continue;
      }
      const explicit = input.response ?? {};
      const draws = fitted.draws;
      const count = draws.speed.length;
      if (count === 0) {
        fail(
          'bootstrap: fitted needs bootstrap draws in data/fitted.json, and it has none; run armsrace fit --model demand --write-defaults',
        );
        continue;
      }
      // Ally i's elasticity is the drawn response per unit of exposure times its own exposure.
      const exposure = codes.map((c) => fitted.exposure[c] ?? 0);
      const role = codes.map((c) => (c === 'RUS' ? 'russia' : c === 'BLR' || c === 'UKR' ? 'none' : 'ally'));
      out.push({
        path,
        distribution: d,
        set: undefined,
        inverseCdf: undefined,
        draw(rng, p, m) {
          const r = rng.integer(count);
          for (let i = 0; i < n; i++) {
            const own = explicit[codes[i] as string];
            const o = i * p.members + m;
            const kind = role[i];
            if (own?.elasticity === undefined && explicit.default?.elasticity === undefined) {
              p.elasticity[o] =
                kind === 'russia'
                  ? (draws.elasticity_RUS[r] as number)
                  : kind === 'ally'
                    ? (draws.threat_exposure[r] as number) * (exposure[i] as number)
                    : 0;
            }
            if (own?.spill_in === undefined && explicit.default?.spill_in === undefined)
              p.spillIn[o] = kind === 'ally' ? (draws.spill_in[r] as number) : 0;
            if (own?.speed === undefined && explicit.default?.speed === undefined)
              p.speed[o] = (kind === 'russia' ? draws.speed_RUS[r] : draws.speed[r]) as number;
          }
        },
      });
      continue;
    }
    const target = resolvePath(path, input, codes);
    if (typeof target === 'string') {
      fail(target);
      continue;
    }
    // Draws are clipped to the parameter's own bounds (those of its scenario field); a distribution
    // that would put most of its draws on a bound is refused.
    const bounds = boundsOf(path);
    const share = probabilityInside(d, bounds);
    if (!(share >= MIN_INSIDE)) {
      fail(
        `${showValue(d)} puts ${share >= 0 ? `${Math.round((1 - share) * 100)} %` : 'all'} of its draws outside the parameter's range ${bounds[0]} to ${bounds[1]}; use a distribution with at least half of its probability inside it`,
      );
      continue;
    }
    const clip = (v: number) => {
      if (Number.isNaN(v))
        throw scenarioError(where, path, `${showValue(d)} drew NaN; use a distribution of finite numbers`);
      return Math.min(bounds[1], Math.max(bounds[0], v));
    };
    out.push({
      path,
      distribution: d,
      set: target,
      inverseCdf: (u) => clip(inverseCdf(d, u)),
      draw(rng, p, m) {
        target(p, m, clip(sample(d, rng)));
      },
    });
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return out;
}

type Setter = (p: MemberParameters, m: number, value: number) => void;

/** The least probability a distribution must put inside its parameter's bounds. */
export const MIN_INSIDE = 0.5;

/**
 * The bounds of the parameter a path names: those of its scenario field ({@link LIMITS}); years for
 * a war's end and a pledge's due year.
 */
export function boundsOf(path: string): readonly [number, number] {
  const field = path.split('.').at(-1) ?? '';
  if (path.startsWith('response.'))
    return field === 'speed' ? LIMITS.speed : field === 'spill_in' ? LIMITS.spillIn : LIMITS.elasticity;
  if (path.startsWith('compliance.')) return LIMITS.compliance;
  if (path.startsWith('war.'))
    return field === 'until' ? LIMITS.year : field === 'fade_years' ? LIMITS.fadeYears : LIMITS.share;
  if (path.startsWith('pledges[')) return field === 'by' ? LIMITS.year : LIMITS.share;
  if (path === 'geography.decay_km') return LIMITS.decayKm;
  if (path.startsWith('geography.floor.')) return LIMITS.floor;
  if (path === 'capability.depreciation') return LIMITS.depreciation;
  if (path.startsWith('capability.build_share.')) return LIMITS.buildShare;
  return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
}

/** The probability a scenario distribution puts inside `[low, high]` (`NaN` where it cannot say). */
export function probabilityInside(d: Distribution, [low, high]: readonly [number, number]): number {
  const between = (a: number, b: number, sd: number, mean: number) =>
    sd === 0 ? (mean >= a && mean <= b ? 1 : 0) : normalCdf((b - mean) / sd) - normalCdf((a - mean) / sd);
  if ('normal' in d) return between(low, high, d.normal[1], d.normal[0]);
  if ('lognormal' in d) {
    const ln = (x: number) => (x > 0 ? log(x) : Number.NEGATIVE_INFINITY);
    return between(ln(low), ln(high), d.lognormal[1], d.lognormal[0]);
  }
  if ('uniform' in d) {
    const [a, b] = d.uniform;
    return Math.max(0, Math.min(b, high) - Math.max(a, low)) / (b - a);
  }
  if ('triangular' in d) {
    const [a, c, b] = d.triangular;
    const cdf = (x: number) => {
      if (x <= a) return 0;
      if (x >= b) return 1;
      const u = (x - a) / (b - a);
      const f = (c - a) / (b - a);
      return u <= f ? (u * u) / f : 1 - ((1 - u) * (1 - u)) / (1 - f);
    };
    return cdf(high) - cdf(low);
  }
  return 1;
}

/** The inverse cumulative distribution function of a scenario distribution at `u` in (0, 1). */
function inverseCdf(d: Distribution, u: number): number {
  if ('normal' in d) return d.normal[0] + d.normal[1] * normalQuantile(u);
  if ('lognormal' in d) return exp(d.lognormal[0] + d.lognormal[1] * normalQuantile(u));
  if ('uniform' in d) return d.uniform[0] + (d.uniform[1] - d.uniform[0]) * u;
  if ('triangular' in d) {
    const [a, c, b] = d.triangular;
    const f = (c - a) / (b - a);
    return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
  throw new RangeError('bootstrap draws have no inverse distribution function');
}

/** The setter a path names, or the reason it names none. */
function resolvePath(path: string, input: ScenarioInput, codes: readonly string[]): Setter | string {
  const n = codes.length;
  const accepted = `use one of ${UNCERTAIN_PATHS.join('; ')}`;
  const actorsOf = (who: string, explicit: Record<string, unknown> | undefined): number[] | string => {
    if (who === 'default') return codes.flatMap((c, i) => (explicit?.[c] === undefined ? [i] : []));
    const i = codes.indexOf(who);
    return i < 0 ? `"${who}" is not an actor of this scenario; actors: ${codes.join(' ')}` : [i];
  };
  const perActor = (
    who: string,
    explicit: Record<string, unknown> | undefined,
    field: (p: MemberParameters) => Float64Array,
  ): Setter | string => {
    const list = actorsOf(who, explicit);
    if (typeof list === 'string') return list;
    return (p, m, v) => {
      for (const i of list) field(p)[i * p.members + m] = v;
    };
  };
  const parts = path.split('.');
  const [head, who, field] = parts;
  if (head === 'response' && who !== undefined && parts.length === 3) {
    const fields: Record<string, (p: MemberParameters) => Float64Array> = {
      elasticity: (p) => p.elasticity,
      spill_in: (p) => p.spillIn,
      speed: (p) => p.speed,
    };
    const f = fields[field as string];
    if (f === undefined) return `"${field}" is not a response parameter; ${accepted}`;
    const explicit = Object.fromEntries(
      Object.entries(input.response ?? {}).filter(
        ([, r]) => (r as Record<string, unknown>)[field as string] !== undefined,
      ),
    );
    return perActor(who, explicit, f);
  }
  if (head === 'compliance' && who !== undefined && parts.length === 2) {
    // A drawn compliance replaces the scenario's, a binding pledge's floor included.
    const list = actorsOf(who, input.compliance);
    if (typeof list === 'string') return list;
    return (p, m, v) => {
      for (const i of list) {
        p.compliance[i * p.members + m] = v;
        p.binding[i * p.members + m] = 0;
      }
    };
  }
  if (head === 'war' && who !== undefined && parts.length === 3) {
    const fields: Record<string, (p: MemberParameters) => Float64Array> = {
      extra_share: (p) => p.warExtra,
      until: (p) => p.warUntil,
      fade_years: (p) => p.warFade,
    };
    const f = fields[field as string];
    if (f === undefined) return `"${field}" is not a war parameter; ${accepted}`;
    if (who === 'default') return `war takes a country, not "default"; ${accepted}`;
    return perActor(who, undefined, f);
  }
  if (path === 'geography.decay_km')
    return (p, m, v) => {
      p.decayKm[m] = v;
    };
  if (head === 'geography' && who === 'floor' && field !== undefined && parts.length === 3)
    return perActor(field, undefined, (p) => p.floor);
  if (path === 'capability.depreciation')
    return (p, m, v) => {
      p.depreciation[m] = v;
    };
  if (head === 'capability' && who === 'build_share' && field !== undefined && parts.length === 3)
    return perActor(field, input.capability?.build_share, (p) => p.buildShare);
  const pledge = /^pledges\[(\d+)\]\.(target|by)$/.exec(path);
  if (pledge) {
    const k = Number(pledge[1]);
    const count = input.pledges?.length ?? 1;
    if (k >= count)
      return `pledge ${k} does not exist; the scenario has ${count} pledge${count === 1 ? '' : 's'} (pledges[0]…)`;
    return (p, m, v) => {
      for (let i = 0; i < n; i++)
        (pledge[2] === 'target' ? p.pledgeTarget : p.pledgeBy)[(k * n + i) * p.members + m] = v;
    };
  }
  return `"${path}" is not a parameter that can vary; ${accepted}`;
}
