import { stringify as toYaml } from 'yaml';
import { parseScenario, validateScenario } from '../core/scenario/parse-scenario.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import { clipJson, HttpError } from './http-error.js';
import type { ServerLimits } from './limits.js';
import { checkFields } from './read-body.js';

/** A validated `POST /api/runs` request. */
export interface RunRequest {
  readonly input: ScenarioInput;
  readonly ensemble?: { readonly runs: number; readonly seed: number };
}

const DEFAULT_START = 2025;
const DEFAULT_END = 2050;
/** A Richardson run without `end` lasts 25 years. */
const RICHARDSON_YEARS = 25;
const DEFAULT_RUNS = 1000;

/**
 * The scenario of a body given as `yaml` (text) or `scenario` (an object), as YAML text; `undefined`
 * when the body has neither.
 *
 * @throws {HttpError} 422 `ambiguous-scenario` for both, `bad-yaml` for `yaml` that is not text.
 * @throws {ScenarioError} 422 for a `scenario` that is not a valid scenario.
 * @example scenarioText({ scenario: { end: 2040 } }) // 'end: 2040\n'
 */
export function scenarioText(body: Record<string, unknown>): string | undefined {
  if (body.yaml !== undefined && body.scenario !== undefined) {
    throw new HttpError(
      422,
      'ambiguous-scenario',
      'body: has both "scenario" and "yaml"; send the scenario once, as an object in "scenario" or as text in "yaml"',
      'body',
    );
  }
  if (body.yaml !== undefined) {
    if (typeof body.yaml !== 'string') {
      throw new HttpError(
        422,
        'bad-yaml',
        `yaml: ${clipJson(body.yaml)} is not text; send the scenario's YAML or JSON as a string, or the object in "scenario"`,
        'yaml',
      );
    }
    return body.yaml;
  }
  if (body.scenario !== undefined) {
    validateScenario(body.scenario);
    return toYaml(body.scenario);
  }
  return undefined;
}

/**
 * Check that a scenario's run fits the server's horizon: end − start ≤ `maxHorizonYears`.
 *
 * @throws {HttpError} 422 `horizon-too-long` naming `scenario.end` (or `scenario.start`).
 * @example checkHorizon(parseScenario('end: 2300'), DEFAULT_LIMITS) // throws: scenario.end
 */
export function checkHorizon(input: ScenarioInput, limits: ServerLimits): void {
  const start = input.start ?? DEFAULT_START;
  const end = input.end ?? (input.model === 'richardson' ? start + RICHARDSON_YEARS : DEFAULT_END);
  const years = end - start;
  if (years > limits.maxHorizonYears) {
    const field = input.end === undefined ? 'start' : 'end';
    throw new HttpError(
      422,
      'horizon-too-long',
      `scenario.${field}: ${field === 'end' ? end : start} makes a run of ${years} years (${start}–${end}); this server runs at most ${limits.maxHorizonYears} years, e.g. end: ${start + limits.maxHorizonYears}; run longer ones with the CLI`,
      `scenario.${field}`,
    );
  }
}

const wholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function ensembleOf(raw: unknown, input: ScenarioInput, limits: ServerLimits): RunRequest['ensemble'] {
  if (raw === undefined || raw === false || raw === null) return undefined;
  const options = raw === true ? {} : raw;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new HttpError(
      422,
      'bad-ensemble',
      `ensemble: ${clipJson(raw)} is not accepted; send an object such as {"runs": 1000, "seed": 1}`,
      'ensemble',
    );
  }
  const o = options as Record<string, unknown>;
  checkFields(o, ['runs', 'seed'], 'ensemble');
  const path = o.runs === undefined && input.ensemble?.runs !== undefined ? 'scenario.ensemble.runs' : 'ensemble.runs';
  const runs = o.runs ?? input.ensemble?.runs ?? DEFAULT_RUNS;
  if (!wholeNumber(runs) || runs < 1) {
    throw new HttpError(
      422,
      'bad-runs',
      `${path}: ${clipJson(runs)} is not accepted; use a whole number of members from 1 to ${limits.maxEnsembleRuns.toLocaleString('en-US')}, e.g. 1000`,
      path,
    );
  }
  if (runs > limits.maxEnsembleRuns) {
    throw new HttpError(
      422,
      'too-many-runs',
      `${path}: ${runs.toLocaleString('en-US')} members is more than the ${limits.maxEnsembleRuns.toLocaleString('en-US')} this server runs per request; ask for fewer, or run larger ensembles with the CLI (armsrace ensemble --runs ${runs})`,
      path,
    );
  }
  const seed = o.seed ?? input.ensemble?.seed ?? 1;
  if (!wholeNumber(seed)) {
    throw new HttpError(
      422,
      'bad-seed',
      `ensemble.seed: ${clipJson(seed)} is not a whole number; use e.g. 42`,
      'ensemble.seed',
    );
  }
  return { runs, seed };
}

/**
 * Validate the body of `POST /api/runs`: `{ scenario | yaml, ensemble? }` with the same schema as the
 * CLI, and the server's limits on horizon and ensemble members.
 *
 * @throws {HttpError} 422 for unknown body fields, a missing scenario, a horizon or ensemble over the limits.
 * @throws {ScenarioError} 422 listing every problem of the scenario.
 * @example readRunRequest({ scenario: { end: 2040 } }, DEFAULT_LIMITS).input.end // 2040
 */
export function readRunRequest(body: Record<string, unknown>, limits: ServerLimits): RunRequest {
  checkFields(body, ['scenario', 'yaml', 'ensemble'], 'body');
  if (body.yaml === undefined && body.scenario === undefined) {
    throw new HttpError(
      422,
      'missing-scenario',
      'body: has no scenario; send it as an object in "scenario" (e.g. {"scenario": {"end": 2040}}) or as YAML text in "yaml"',
      'body.scenario',
    );
  }
  // scenarioText refuses a body with both.
  const input = body.yaml !== undefined ? parseScenario(scenarioText(body) as string) : validateScenario(body.scenario);
  checkHorizon(input, limits);
  const ensemble = ensembleOf(body.ensemble, input, limits);
  return ensemble === undefined ? { input } : { input, ensemble };
}
