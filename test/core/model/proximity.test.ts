import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { greatCircleKm, proximityWeight } from '../../../src/core/model/proximity.js';

const capital = (iso3: string) => {
  const c = loadDataset().country(iso3)?.capital;
  if (c === undefined) throw new Error(`no capital for ${iso3}`);
  return c;
};

describe('greatCircleKm', () => {
  it('gives a quarter of the equator and half a meridian', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })).toBeCloseTo((Math.PI / 2) * 6371.0088, 9);
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * 6371.0088, 9);
    expect(greatCircleKm({ lat: 10, lon: 20 }, { lat: 10, lon: 20 })).toBe(0);
  });

  it('is symmetric and puts Moscow about 1,150 km from Warsaw and 7,800 km from Washington', () => {
    const mow = capital('RUS');
    expect(greatCircleKm(mow, capital('POL'))).toBeCloseTo(greatCircleKm(capital('POL'), mow), 9);
    // Published great-circle distances: Moscow–Warsaw ≈ 1,150 km, Moscow–Washington ≈ 7,820 km.
    expect(greatCircleKm(mow, capital('POL'))).toBeGreaterThan(1100);
    expect(greatCircleKm(mow, capital('POL'))).toBeLessThan(1200);
    expect(greatCircleKm(mow, capital('USA'))).toBeGreaterThan(7750);
    expect(greatCircleKm(mow, capital('USA'))).toBeLessThan(7900);
  });
});

describe('proximityWeight', () => {
  it('decays as exp(−d/D) and is floored by π', () => {
    expect(proximityWeight(0, 1500)).toBe(1);
    expect(proximityWeight(1500, 1500)).toBeCloseTo(Math.exp(-1), 15);
    expect(proximityWeight(3000, 1500)).toBeCloseTo(Math.exp(-2), 15);
    expect(proximityWeight(7800, 1500, 0.25)).toBe(0.25);
    expect(proximityWeight(100, 1500, 0.25)).toBeCloseTo(Math.exp(-100 / 1500), 15);
  });

  it('rejects a bad decay length or floor with the argument named', () => {
    expect(() => proximityWeight(100, 0)).toThrow(/decayKm: 0 must be a positive length/);
    expect(() => proximityWeight(100, 1500, 1.5)).toThrow(/floor: 1.5/);
    expect(() => proximityWeight(-1, 1500)).toThrow(/distanceKm/);
  });
});
