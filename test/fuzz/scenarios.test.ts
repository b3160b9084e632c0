import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { parseScenario, ScenarioError, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { fuzzScenarios, type Outcome, runCase, scenarioCase, TIME_BOUND_MS } from './scenarios.js';

const dataset = loadDataset();

describe('scenarios: what validation accepts, the model runs to a finite result, or it refuses', () => {
  it('holds as a property: a finite result or an ArmsraceError, each case within the time bound', () => {
    fc.assert(
      fc.property(scenarioCase, (c) => {
        const started = performance.now();
        const outcome = runCase(c, dataset);
        const elapsed = performance.now() - started;
        expect(outcome).toSatisfy((o: Outcome) => o.kind === 'result' || o.kind === 'refused');
        expect(elapsed).toBeLessThan(TIME_BOUND_MS);
      }),
      { seed: 20_250_917, numRuns: 400 },
    );
  }, 120_000);

  it('fuzzScenarios: 1,500 generated and mutated cases without a crash, a non-finite number or a stall', async () => {
    const outcomes = new Map<string, number>();
    const summary = await fuzzScenarios({
      cases: 1500,
      seed: 7,
      onOutcome: (kind) => outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1),
    });
    expect(summary.failures).toEqual([]);
    expect(summary).toEqual({ target: 'scenarios', cases: 1500, crashes: 0, nonFinite: 0, overTime: 0, failures: [] });
    // The cases exercise the model, not only the validation: a fair share of them run.
    expect(outcomes.get('result') ?? 0).toBeGreaterThan(300);
  }, 180_000);

  it('refuses in the project pattern: the path, the value cut to 80 characters, what is wrong; no zod wording', () => {
    for (const c of fc.sample(scenarioCase, { seed: 11, numRuns: 600 })) {
      try {
        if ('text' in c) parseScenario(c.text);
        else validateScenario(c.object);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        for (const issue of (error as ScenarioError).issues) {
          expect(issue.message.startsWith(`${issue.path}: `)).toBe(true);
          expect(issue.message).not.toMatch(
            /Invalid input|Invalid key|Invalid option|Too big|Too small|expected \w+, received|Unrecognized key/,
          );
          expect(issue.message).not.toMatch(/x{81}/); // a 5,000-character value is among the inputs
          expect(issue.message).not.toContain('\n');
          expect(issue.message.length).toBeLessThan(500);
        }
      }
    }
  });
});
