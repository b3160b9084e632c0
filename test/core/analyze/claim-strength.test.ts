import { describe, expect, it } from 'vitest';
import {
  figuresStrength,
  intervalStrength,
  modelStrength,
  testsStrength,
  weakest,
} from '../../../src/core/analyze/claims/strength.js';

describe('the strength rules of the claim panels', () => {
  it('rate published figures by how many allies have one in the table', () => {
    expect(figuresStrength(31, 31, 0, 'x').strength).toBe('strong');
    expect(figuresStrength(30, 31, 0, 'x').strength).toBe('moderate');
    expect(figuresStrength(31, 31, 2, 'x').strength).toBe('moderate');
    expect(figuresStrength(4, 31, 11, 'x').strength).toBe('weak'); // 15 < 15.5
    expect(figuresStrength(4, 31, 12, 'x').strength).toBe('moderate');
  });

  it('rate an estimate by where its interval and standard error put the reference', () => {
    const fit = { estimate: 4.65, standardError: 2.04, lower: 2.17, upper: 9.57 };
    expect(intervalStrength(fit, 1, 'ε').strength).toBe('strong');
    expect(intervalStrength(fit, 2.17, 'ε').strength).toBe('moderate'); // on the bound: inside
    expect(intervalStrength(fit, 2.6, 'ε').strength).toBe('moderate'); // 2.05 from the estimate: beyond one SE
    expect(intervalStrength(fit, 2.7, 'ε').strength).toBe('weak'); // 1.95: within one SE
    expect(intervalStrength(fit, 2.6, 'ε').reason).toContain('[2.17, 9.57]');
  });

  it('rate tests by the share of specifications that reject', () => {
    expect(testsStrength([0.01, 0.02], 0.05, 'x').strength).toBe('strong');
    expect(testsStrength([0.01, 0.02, 0.3], 0.05, 'x').strength).toBe('moderate');
    expect(testsStrength([0.01, 0.2, 0.3], 0.05, 'x').strength).toBe('contested');
    expect(testsStrength([0.28, 0.56], 0.05, 'x').strength).toBe('weak');
    expect(testsStrength([], 0.05, 'x').strength).toBe('weak');
  });

  it('never rate a model result strong', () => {
    expect(modelStrength(7, 7, 'x').strength).toBe('moderate');
    expect(modelStrength(6, 7, 'x').strength).toBe('contested');
    expect(modelStrength(0, 0, 'x').strength).toBe('weak');
  });

  it('take the weakest of several ratings, its reason first', () => {
    const r = weakest([
      { strength: 'strong', reason: 'a' },
      { strength: 'contested', reason: 'b' },
      { strength: 'moderate', reason: 'c' },
    ]);
    expect(r).toEqual({ strength: 'contested', reason: 'b; a; c' });
  });
});
