import { describe, expect, it } from 'vitest';
import { perpetualInventory } from '../../../src/core/model/capability.js';
import { pledgePath } from '../../../src/core/model/pledge-path.js';
import { warBurden } from '../../../src/core/model/war.js';

describe('pledgePath', () => {
  const p = (t: number) => pledgePath(0.02, 0.035, 2025, 2035, t);
  it('holds the start level, rises linearly, then holds the target', () => {
    expect(p(2020)).toBe(0.02);
    expect(p(2030)).toBeCloseTo(0.0275, 15);
    expect(p(2035)).toBe(0.035);
    expect(p(2050)).toBe(0.035);
  });
});

describe('warBurden', () => {
  it('holds the extra share until the end year, then fades linearly', () => {
    const w = (t: number) => warBurden(0.03, 2026, 3, t);
    expect(w(2025.9)).toBe(0.03);
    expect(w(2026)).toBe(0.015 * 2);
    expect(w(2027.5)).toBeCloseTo(0.015, 15);
    expect(w(2029)).toBe(0);
    expect(w(2040)).toBe(0);
  });
  it('stops at once without a fade, and never while the war is ongoing', () => {
    expect(warBurden(0.03, 2026, 0, 2026)).toBe(0);
    expect(warBurden(0.03, Number.POSITIVE_INFINITY, 3, 2100)).toBe(0.03);
  });
});

describe('perpetualInventory', () => {
  it('stays at the steady state φM/δ under constant spending', () => {
    expect(perpetualInventory([100, 100, 100], 0.1, 1)).toBeCloseTo(1000, 9);
    expect(perpetualInventory([100], 0.2, 0.5)).toBeCloseTo(250, 9);
  });
  it('is the exact one-year solution of dK/dt = φM − δK', () => {
    // From K0 = 1000 (steady state of 100) spending 200 for one year: K = 2000 + (1000 − 2000)e^{−0.1}.
    expect(perpetualInventory([100, 200], 0.1, 1)).toBeCloseTo(2000 - 1000 * Math.exp(-0.1), 9);
  });
  it('rejects empty or bad input', () => {
    expect(() => perpetualInventory([], 0.1, 1)).toThrow(/at least one year/);
    expect(() => perpetualInventory([1], 0, 1)).toThrow(/depreciation: 0/);
    expect(() => perpetualInventory([Number.NaN], 0.1, 1)).toThrow(/NaN is not a finite number/);
  });
});
