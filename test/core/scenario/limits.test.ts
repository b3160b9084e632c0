import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observationAt } from '../../../src/core/data/dataset.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { ArmsraceError } from '../../../src/core/errors.js';
import { runScenario } from '../../../src/core/run-scenario.js';
import { parseScenario, ScenarioError, validateScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import type { ScenarioInput } from '../../../src/core/scenario/schema.js';
import { simulate } from '../../../src/core/simulate.js';
import { simulateRichardson } from '../../../src/core/simulate-richardson.js';

const dataset = loadDataset();

/** The error a call throws (the test fails when it throws none). */
function thrown(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, got a result');
}

/** Every number in a value, with its path, that is not finite. */
function nonFinite(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
  } else if (ArrayBuffer.isView(value)) {
    for (const [k, v] of Array.from(value as Float64Array).entries()) nonFinite(v, `${path}[${k}]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'scenario') nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

/** The first year the data serve as a start for these actors: a burden then, GDP the year before. */
function firstStart(codes: readonly string[]): number {
  return Math.max(
    ...codes.map((iso3) => {
      const burden = dataset.series(iso3, 'milex_share_gdp', 'sipri-2025');
      const gdp = dataset.series(iso3, 'gdp_usd_constant', 'wdi-2026-02');
      if (burden === undefined || gdp === undefined) throw new Error(`${iso3}: no data`);
      let b = burden.firstYear;
      while (observationAt(burden, b) === undefined) b++;
      let g = gdp.firstYear;
      while (observationAt(gdp, g) === undefined) g++;
      return Math.max(b, g + 1);
    }),
  );
}

const RICHARDSON = (block: string, extra = '') =>
  `model: richardson\n${extra}richardson: { actors: [Blue, Red], ${block}, grievance: [5, 3], initial: [20, 10] }`;

describe('start against the data of the chosen actors', () => {
  const defaults = resolveScenario(parseScenario(''), dataset).actors.map((a) => a.iso3);
  const first = firstStart(defaults);

  it.each([1900, 1947, 1990, 2004])('refuses start: %i naming scenario.start and the first year with data', (year) => {
    expect(year).toBeLessThan(first);
    const e = thrown(() => simulate(parseScenario(`start: ${year}`), dataset));
    expect(e.path).toBe('scenario.start');
    expect(e.message).toContain(`scenario.start: ${year} is before the data`);
    expect(e.message).toContain(`is ${first} (`);
  });

  it('runs from that first year, and computes it for the actors chosen', () => {
    const run = simulate(parseScenario(`start: ${first}\nend: ${first + 3}`), dataset);
    expect(nonFinite(run)).toEqual([]);
    const pair = firstStart(['USA', 'RUS']);
    expect(pair).toBeLessThan(first);
    expect(thrown(() => simulate(parseScenario(`start: ${pair - 1}\nactors: [USA, RUS]`), dataset)).message).toContain(
      `is ${pair} (`,
    );
    expect(nonFinite(simulate(parseScenario(`start: ${pair}\nend: ${pair + 5}\nactors: [USA, RUS]`), dataset))).toEqual(
      [],
    );
  });
});

describe('a YAML alias inside its own anchor', () => {
  it.each([
    ['end', 'end: &a [*a]', 'scenario.end'],
    ['name', 'name: &a [*a]', 'scenario.name'],
    ['actors', 'actors: &a [*a]', 'scenario.actors'],
    ['a pledge target', 'pledges: [{ target: &a [*a], by: 2035 }]', 'scenario.pledges[0].target'],
    ['a mapping', 'response: &r { RUS: *r }', 'scenario.response'],
  ])('is refused naming the path (%s)', (_, text, path) => {
    const e = thrown(() => parseScenario(text));
    expect(e.path).toBe(path);
    expect(e.message).toBe(
      `${path}: contains itself (a YAML alias inside its own anchor, such as &a [*a]); write the value out`,
    );
  });

  it('is refused when given as an object too', () => {
    const end: unknown[] = [];
    end.push(end);
    expect(thrown(() => validateScenario({ end })).path).toBe('scenario.end');
  });
});

describe('bounds on numeric fields', () => {
  it.each([
    ['response speed of 35', 'response: { RUS: { speed: 35 } }', 'scenario.response.RUS.speed: 35 is out of range'],
    ['step of 5e-324 years', 'step_years: 5e-324', 'scenario.step_years: 5e-324 is out of range'],
    [
      'more steps than a run takes',
      'start: 2025\nend: 2200\nstep_years: 0.003',
      'scenario.step_years: 0.003 over 2025–2200 makes 58,334 steps; a run takes at most 5,000',
    ],
    ['no depreciation', 'capability: { depreciation: 0 }', 'scenario.capability.depreciation: 0 is out of range'],
    ['USD inflation of -50 %', 'gdp: { usd_inflation: -0.5 }', 'scenario.gdp.usd_inflation: -0.5 is out of range'],
    ['long-run growth of -50 %', 'gdp: { long_run_growth: { default: -0.5 } }', 'is out of range'],
    ['no actors', 'actors: []', 'scenario.actors: [] is empty'],
    ['a decay length of 1 km', 'geography: { decay_km: 1 }', 'scenario.geography.decay_km: 1 is out of range'],
    [
      'no spending building capability',
      'capability: { build_share: { default: 0 } }',
      'scenario.capability.build_share.default: 0 is out of range',
    ],
    [
      'a fade of a millennium',
      'war: { RUS: { fade_years: 1000 } }',
      'scenario.war.RUS.fade_years: 1000 is out of range',
    ],
    [
      'a seed past the safe integers',
      'ensemble: { seed: 1e300 }',
      'scenario.ensemble.seed: 1e+300 is not a whole number',
    ],
  ])('refuses %s when validating, naming the field', (_, text, message) => {
    expect(thrown(() => parseScenario(text)).message).toContain(message);
  });

  it('refuses a USD inflation whose real growth the GDP path cannot keep, naming gdp.usd_inflation', () => {
    // Validation lets -0.4999 through; deflated by it, the IMF's projections grow over 100 % a year.
    const e = thrown(() => simulate(parseScenario('gdp: { usd_inflation: -0.4999 }'), dataset));
    expect(e.path).toBe('scenario.gdp.usd_inflation');
    expect(e.issues).toHaveLength(1);
    expect(e.message).toContain("turns the IMF's projections into real growth out of range");
    expect(
      nonFinite(
        simulate(
          parseScenario('end: 2030\ngdp: { usd_inflation: -0.4999, long_run_growth: { default: 0.01 } }'),
          dataset,
        ),
      ),
    ).toEqual([]);
  });

  it('refuses 20,000 pledges at once, fast', () => {
    const pledges = Array.from({ length: 20_000 }, () => ({ target: 0.03, by: 2030 }));
    // Validation is fast (reading 600 kB of YAML text is the parser's own time, about half a second).
    const t0 = performance.now();
    const e = thrown(() => validateScenario({ pledges }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.message).toBe('scenario.pledges: has 20000 entries, too many; give at most 20');
    expect(thrown(() => parseScenario(JSON.stringify({ pledges }))).message).toBe(e.message);
  });

  it('runs at the ends of the ranges with finite results', () => {
    const edge = `end: 2030
response: { RUS: { speed: 2, elasticity: 5 }, default: { speed: 2, spill_in: -5, elasticity: 5 } }
step_years: 1
capability: { depreciation: 1, build_share: { default: 0.01 } }
geography: { decay_km: 100 }
gdp: { usd_inflation: 0.99, long_run_growth: { default: -0.49 } }`;
    expect(nonFinite(simulate(parseScenario(edge), dataset))).toEqual([]);
    const far = 'end: 2200\ngeography: { decay_km: 100000 }\ncapability: { depreciation: 0.01 }';
    expect(nonFinite(simulate(parseScenario(far), dataset))).toEqual([]);
  });
});

describe('actors and blocs', () => {
  it('refuses actors without adversaries, saying what is missing', () => {
    expect(thrown(() => simulate(parseScenario('actors: [USA, POL]'), dataset)).message).toBe(
      'scenario.actors: [USA, POL] has no pair of adversaries: the allies and partners face the Russian bloc, and no member of it is an actor; add RUS or BLR',
    );
    expect(thrown(() => simulate(parseScenario('actors: [RUS, BLR]'), dataset)).message).toContain(
      'the Russian bloc faces the allies and the partners (UKR), and no actor is an ally or a partner before 2050',
    );
  });

  it('runs Russia against a partner alone: the blocs without members say null, never NaN', () => {
    const run = simulate(parseScenario('end: 2030\nactors: [RUS, UKR]'), dataset);
    expect(nonFinite(run)).toEqual([]);
    expect(run.blocs.find((b) => b.id === 'NATO')?.burden.every((v) => v === null)).toBe(true);
    expect(run.indicators.raceIntensity.every((v) => v === null)).toBe(true);
  });
});

describe('the classic Richardson model', () => {
  it('refuses an end before the default start when validating', () => {
    const e = thrown(() =>
      parseScenario(RICHARDSON('reaction: [[0, 0.1], [0.15, 0]], fatigue: [0.2, 0.25]', 'end: 2020\n')),
    );
    expect(e.message).toBe(
      'scenario.end: 2020 is not after the start 2025 (the default); the end year must come after the start year, or set start too',
    );
  });

  it('refuses a system that grows past what a run reports, naming the reactions', () => {
    const e = thrown(() =>
      parseScenario(RICHARDSON('reaction: [[0, 5], [5, 0]], fatigue: [0.2, 0.25]', 'start: 2025\nend: 2200\n')),
    );
    expect(e.path).toBe('scenario.richardson.reaction');
    expect(e.message).toContain('beyond what a run reports (10^100)');
  });

  it('refuses an RK4 step too long for the fastest rate, naming step_years', () => {
    const text = RICHARDSON('reaction: [[0, 0], [0, 0]], fatigue: [10, 10]', 'step_years: 1\n');
    expect(thrown(() => parseScenario(text)).path).toBe('scenario.step_years');
    expect(nonFinite(runScenario(parseScenario(`${text}\nsolver: dopri`), dataset))).toEqual([]);
  });

  it('guards a run given without validation: an error naming the reactions, never NaN', () => {
    const input = {
      model: 'richardson',
      end: 2200,
      richardson: {
        actors: ['A', 'B'],
        reaction: [
          [0, 5],
          [5, 0],
        ],
        fatigue: [0.2, 0.25],
        grievance: [5, 3],
        initial: [20, 10],
      },
    } as ScenarioInput;
    expect(thrown(() => simulateRichardson(input)).path).toBe('scenario.richardson.reaction');
  });

  it('is not run by simulate, which names scenario.model', () => {
    const input = parseScenario(RICHARDSON('reaction: [[0, 0.1], [0.15, 0]], fatigue: [0.2, 0.25]'));
    expect(thrown(() => simulate(input, dataset)).path).toBe('scenario.model');
    expect(runScenario(input, dataset).model).toBe('richardson');
  });
});

describe('the run-time guard of the demand model', () => {
  it('turns a run that leaves the finite numbers into an error naming the responses', () => {
    // Not validated: a speed the schema refuses makes RK4 diverge.
    const input = { end: 2040, response: { RUS: { speed: 35 } } } as ScenarioInput;
    const e = thrown(() => simulate(input, dataset));
    expect(e.path).toBe('scenario.response.RUS');
    expect(e.message).toMatch(
      /^scenario\.response\.RUS: RUS's burden is \S+ in \d{4}, outside 0 to 2 \(a share of GDP\)/,
    );
    // Further on, the same run reaches numbers that are not finite: the same error.
    expect(thrown(() => simulate({ ...input, end: 2100 }, dataset)).path).toBe('scenario.response.RUS');
  });
});

describe('ensembles draw inside the bounds of each parameter', () => {
  it.each([
    ['capability.depreciation', '{ normal: [-1, 0] }', 'range 0.01 to 1'],
    ['response.RUS.speed', '{ normal: [0, 1e300] }', 'range 0 to 2'],
    ['geography.decay_km', '{ uniform: [-1e308, 1e308] }', 'range 100 to 100000'],
  ])('refuses %s: %s, which puts most draws outside', (path, distribution, range) => {
    const input = parseScenario(`end: 2030\nensemble: { uncertain: { ${path}: ${distribution} } }`);
    const e = thrown(() => runEnsemble(input, dataset, { runs: 8, seed: 1 }));
    expect(e.path).toBe(`scenario.ensemble.uncertain["${path}"]`);
    expect(e.message).toContain(range);
  });

  it('clips the draws of a distribution mostly inside, with finite results', () => {
    const input = parseScenario(
      'end: 2030\nensemble: { uncertain: { response.RUS.speed: { normal: [1.5, 1] }, capability.depreciation: { uniform: [-0.05, 0.3] } } }',
    );
    const result = runEnsemble(input, dataset, { runs: 16, seed: 2 });
    expect(nonFinite(result)).toEqual([]);
    // The first year has no race intensity: null, not NaN.
    expect(result.series.find((s) => s.name === 'race_intensity')?.mean[0]).toBeNull();
  });
});

describe('messages in the project pattern', () => {
  it.each([
    [
      'compliance: { xx: 1 }',
      'scenario.compliance.xx: "xx" is not accepted as a key; it must be an ISO 3166 alpha-3 code in capitals, e.g. POL, or default',
    ],
    [
      'ensemble: { runs: 1e300 }',
      'scenario.ensemble.runs: 1e+300 is not a whole number; use a number of members from 1 to 200000, e.g. 1000',
    ],
    ['end: .nan', 'scenario.end: NaN is not a finite number; use a whole year from 1900 to 2200, e.g. 2035'],
    ['geography: { decay_km: .inf }', 'scenario.geography.decay_km: Infinity is not a finite number'],
    ['pledges: [{ target: .nan, by: 2035 }]', 'scenario.pledges[0].target: NaN is not a finite number'],
    [
      'response: { RUS: 5 }',
      'scenario.response.RUS: 5 is not a mapping of fields; write e.g. { elasticity: 1, speed: 0.5 }',
    ],
  ])('%s', (text, message) => {
    const e = thrown(() => parseScenario(text));
    expect(e.message).toBe(e.issues.map((i) => i.message).join('\n'));
    expect(e.issues).toHaveLength(1);
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.message).not.toMatch(/Invalid key|Too big|Too small|expected \w+, received|Invalid input/);
  });

  it('cuts an echoed value to 80 characters', () => {
    const long = 'x'.repeat(500);
    const e = thrown(() => parseScenario(`end: "${long}"\nactors: [${long}]`));
    expect(e.issues).toHaveLength(2);
    for (const issue of e.issues) {
      expect(issue.message).toContain(`"${'x'.repeat(76)}...`);
      expect(issue.message).not.toContain('x'.repeat(77));
    }
  });

  it('is an ArmsraceError with no stack trace in its message', () => {
    const e = thrown(() => parseScenario('end: &a [*a]'));
    expect(e).toBeInstanceOf(ArmsraceError);
    expect(e.message).not.toContain('\n    at ');
  });
});

describe('valid scenarios still run', () => {
  const dir = join(import.meta.dirname, '../../../scenarios');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('preset %s', (file) => {
    const run = runScenario(parseScenario(readFileSync(join(dir, file), 'utf8')), dataset);
    expect(nonFinite(run)).toEqual([]);
  });

  it.each(['compliance: { default: binding }', 'compliance: { default: trend }', 'response_fit: exposure'])(
    '%s',
    (text) => {
      expect(nonFinite(simulate(parseScenario(`end: 2035\n${text}`), dataset))).toEqual([]);
    },
  );
});
