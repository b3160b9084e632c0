import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { parseScenario, ScenarioError } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';

const dataset = loadDataset();

describe('parseScenario', () => {
  it('reads the example of the design, percentages as 3.5% or 0.035', () => {
    const s = parseScenario(`
name: Hague pledge met, Russia answers in proportion
start: 2025
end: 2050
pledges:
  - { name: Hague core, target: 3.5%, from: 2025, by: 2035 }
compliance: { default: 0.8, ESP: 0.4, POL: 1 }
response:  { RUS: { elasticity: 1.0, speed: 0.5 }, default: { elasticity: 0.3 } }
war:       { RUS: { extra_share: 3%, until: 2026, fade_years: 3 } }
enlargement: [ { country: UKR, year: 2035 } ]
ensemble:  { runs: 1000, seed: 42, uncertain: { response.RUS.elasticity: { normal: [1.0, 0.3] } } }
`);
    expect(s.pledges?.[0]?.target).toBeCloseTo(0.035, 15);
    expect(s.war?.RUS?.extra_share).toBeCloseTo(0.03, 15);
    expect(parseScenario('bounds: { max: 0.2 }').bounds?.max).toBe(0.2);
  });

  it('accepts JSON and an empty file (every field has a default)', () => {
    expect(parseScenario('{"end": 2040}').end).toBe(2040);
    expect(parseScenario('')).toEqual({});
    const r = resolveScenario(parseScenario(''), dataset);
    expect(r.start).toBe(2025);
    expect(r.end).toBe(2050);
    expect(r.actors.map((a) => a.iso3)).toEqual(expect.arrayContaining(['USA', 'POL', 'RUS', 'BLR', 'UKR']));
    expect(r.actors).toHaveLength(34); // 31 allies with a burden series (not Iceland) + RUS, BLR, UKR
    // Default responses come from the committed fit (data/fitted.json).
    const fitted = dataset.data.fitted?.responses;
    expect(fitted).toBeDefined();
    expect(r.actors.find((a) => a.iso3 === 'RUS')?.elasticity).toBe(fitted?.RUS?.elasticity);
    expect(r.actors.find((a) => a.iso3 === 'RUS')?.speed).toBe(fitted?.RUS?.speed);
    expect(r.actors.find((a) => a.iso3 === 'DEU')?.elasticity).toBe(fitted?.DEU?.elasticity);
    expect(r.actors.find((a) => a.iso3 === 'DEU')?.speed).toBe(fitted?.DEU?.speed);
    expect(r.actors.find((a) => a.iso3 === 'DEU')?.spillIn).toBe(fitted?.DEU?.spill_in);
    // A named alternative of the fit replaces the validated choice.
    const alt = resolveScenario(parseScenario('response_fit: exposure'), dataset);
    expect(alt.actors.find((a) => a.iso3 === 'EST')?.elasticity).toBe(
      dataset.data.fitted?.alternatives.exposure?.EST?.elasticity,
    );
    expect(() => resolveScenario(parseScenario('response_fit: exposur'), dataset)).toThrow(/response_fit/);
    // A new ally outside the fit: the exposure response at its own exposure, or the common ε.
    const geo = (fit: string) =>
      resolveScenario(parseScenario(`${fit}\nenlargement: [{ country: GEO, year: 2035 }]`), dataset).actors.find(
        (a) => a.iso3 === 'GEO',
      );
    const alternatives = dataset.data.fitted?.alternatives;
    const perExposure =
      (alternatives?.exposure?.POL?.elasticity as number) / (dataset.data.fitted?.exposure.POL as number);
    expect(geo('response_fit: exposure')?.elasticity).toBeGreaterThan(0);
    expect(geo('response_fit: exposure')?.elasticity).toBeLessThan(perExposure);
    expect(geo('response_fit: pooled')?.elasticity).toBe(alternatives?.pooled?.POL?.elasticity);
    expect(geo('')?.speed).toBe(dataset.data.fitted?.responses.POL?.speed);
    expect(r.actors.find((a) => a.iso3 === 'USA')?.floor).toBe(0.25);
  });

  // Ten and more bad scenarios, each with the field's path, the value and what is accepted.
  it.each([
    ['unknown field', 'pledgez: []', 'scenario: unknown field "pledgez"; check the spelling against docs/scenario.md'],
    ['wrong type', 'end: soon', 'scenario.end: "soon" is not a number'],
    [
      'percentage above 100',
      'pledges: [{ target: 150%, by: 2035 }]',
      'scenario.pledges[0].target: "150%" is out of range; a share of GDP lies between 0% and 100% (0 to 1)',
    ],
    ['share above 1', 'bounds: { max: 1.5 }', 'scenario.bounds.max: 1.5 is out of range'],
    [
      'not a share',
      'pledges: [{ target: lots, by: 2035 }]',
      'scenario.pledges[0].target: "lots" is not a share of GDP; write a percentage such as 3.5% or a fraction such as 0.035',
    ],
    [
      'end before start',
      'start: 2030\nend: 2025',
      'scenario.end: 2025 is not after start 2030; the end year must come after the start year',
    ],
    [
      'negative speed',
      'response: { RUS: { speed: -0.2 } }',
      'scenario.response.RUS.speed: -0.2 is negative; use a rate in 1/years, e.g. 0.5',
    ],
    [
      'lower-case country code',
      'enlargement: [{ country: ukr, year: 2035 }]',
      'scenario.enlargement[0].country: "ukr" must be an ISO 3166 alpha-3 code in capitals, e.g. POL',
    ],
    [
      'unknown model',
      'model: lanchester',
      'scenario.model: "lanchester" is not accepted; use one of "demand", "richardson"',
    ],
    [
      'matrix of the wrong size',
      'richardson: { actors: [A, B], reaction: [[0, 1, 2], [1, 0, 3]], fatigue: [0.1, 0.2], grievance: [1, 1], initial: [1, 1] }',
      'scenario.richardson.reaction: the reaction matrix must be 2×2 for 2 actors',
    ],
    [
      'self-reaction',
      'richardson: { actors: [A, B], reaction: [[0.1, 1], [1, 0]], fatigue: [0.1, 0.2], grievance: [1, 1], initial: [1, 1] }',
      'scenario.richardson.reaction[0][0]: 0.1 on the diagonal',
    ],
    [
      'vector of the wrong size',
      'richardson: { actors: [A, B], reaction: [[0, 1], [1, 0]], fatigue: [0.1], grievance: [1, 1], initial: [1, 1] }',
      'scenario.richardson.fatigue: has 1 entry; give one per actor (2)',
    ],
    [
      'negative standard deviation',
      'ensemble: { uncertain: { response.RUS.elasticity: { normal: [1, -0.3] } } }',
      'scenario.ensemble.uncertain["response.RUS.elasticity"].normal[1]: -0.3 is negative; a standard deviation must be ≥ 0',
    ],
    [
      'unknown distribution',
      'ensemble: { uncertain: { x: { cauchy: [0, 1] } } }',
      'is not a known distribution; use normal: [mean, sd], lognormal: [mu, sigma], uniform: [low, high], triangular: [low, mode, high] or bootstrap: fitted',
    ],
    [
      'pledge due before it starts',
      'pledges: [{ target: 3%, from: 2030, by: 2028 }]',
      'scenario.pledges[0].by: 2028 is not after from 2030',
    ],
    ['fractional year', 'end: 2040.5', 'scenario.end: 2040.5 is not a whole number; write e.g. 2035'],
    ['a list, not a mapping', '- 1\n- 2', 'scenario: [1,2] is not a mapping of fields'],
    ['broken YAML', 'start: [2025', 'scenario: not valid YAML or JSON'],
    [
      'richardson without its block',
      'model: richardson',
      'scenario.richardson: missing; model: richardson needs actors, reaction, fatigue, grievance and initial',
    ],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseScenario(text)).toThrow(ScenarioError);
    expect(() => parseScenario(text)).toThrow(message);
  });

  it('lists every problem at once, each with its path', () => {
    try {
      parseScenario('end: soon\nfoo: 1\nresponse: { RUS: { speed: -1 } }');
      expect.unreachable();
    } catch (e) {
      const issues = (e as ScenarioError).issues.map((i) => i.path).sort();
      expect(issues).toEqual(['scenario', 'scenario.end', 'scenario.response.RUS.speed']);
      expect((e as ScenarioError).code).toBe('bad-scenario');
    }
  });
});

describe('resolveScenario against the dataset', () => {
  it.each([
    [
      'unknown country',
      'actors: [POL, XXX]',
      'scenario.actors[1]: "XXX" has no burden series in sipri-2026; use one of',
    ],
    [
      'enlarging with an ally',
      'enlargement: [{ country: POL, year: 2030 }]',
      'scenario.enlargement[0].country: POL is already an ally since 1999',
    ],
    [
      'a setting for an actor not in the scenario',
      'actors: [POL, RUS]\ncompliance: { DEU: 1 }',
      'scenario.compliance.DEU: "DEU" is not an actor of this scenario',
    ],
  ])('rejects %s', (_, text, message) => {
    expect(() => resolveScenario(parseScenario(text), dataset)).toThrow(message);
  });

  it('derives war terms from data and compliance from the recent trend', () => {
    const r = resolveScenario(parseScenario('compliance: { default: trend }'), dataset);
    const rus = r.actors.find((a) => a.iso3 === 'RUS');
    const s21 = dataset.observation('RUS', 'milex_share_gdp', 'sipri-2026', 2021)?.value as number;
    const s25 = dataset.observation('RUS', 'milex_share_gdp', 'sipri-2026', 2025)?.value as number;
    expect(rus?.war.extraShare).toBeCloseTo((s25 - s21) / 100, 12);
    expect(rus?.war.until).toBeNull();
    // The rise over the last three years of data (2022–2025), continued for the 10 years to 2035.
    const esp = r.actors.find((a) => a.iso3 === 'ESP');
    const e22 = dataset.observation('ESP', 'milex_share_gdp', 'sipri-2026', 2022)?.value as number;
    const e25 = dataset.observation('ESP', 'milex_share_gdp', 'sipri-2026', 2025)?.value as number;
    const expected = Math.min(1, Math.max(0, (((e25 - e22) / 100 / 3) * 10) / (0.035 - e25 / 100)));
    expect(esp?.compliance).toBeCloseTo(expected, 12);
    expect(r.actors.find((a) => a.iso3 === 'POL')?.compliance).toBe(1); // above 3.5 % already
  });
});
