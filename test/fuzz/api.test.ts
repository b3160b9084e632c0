import { describe, expect, it } from 'vitest';
import { fuzzApi } from './api.js';

describe('fuzzApi', () => {
  it('answers 1,000 generated and mutated requests to every route without a 500, a stall or an undefined number', async () => {
    const summary = await fuzzApi({ cases: 1000, seed: 20_250_601 });
    expect(summary.failures).toEqual([]);
    expect(summary).toEqual({ target: 'api', cases: 1000, crashes: 0, nonFinite: 0, overTime: 0, failures: [] });
  }, 120_000);
});
