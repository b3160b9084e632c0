import { describe, expect, it } from 'vitest';
import { chartLayout, wrapText } from '../../../src/core/charts/compose-chart.js';
import { lineLabels, valueDomain } from '../../../src/core/charts/line-labels.js';
import { logTicks } from '../../../src/core/charts/log-ticks.js';
import { definedOrNaN } from '../../../src/core/charts/series-marks.js';
import { baselineNote, sourceNote, yearSpan } from '../../../src/core/charts/source-note.js';
import { yearAxis } from '../../../src/core/charts/year-axis.js';
import { DEFAULT_RUN, HISTORY_RUN, normaliseSvg, run } from './chart-test-helpers.js';

describe('yearAxis', () => {
  it('yearAxis(2025…2029) ticks every year', () => {
    expect(yearAxis([2025, 2026, 2027, 2028, 2029])).toEqual({
      domain: [2025, 2029],
      ticks: [2025, 2026, 2027, 2028, 2029],
    });
  });
  it('yearAxis(2025…2049) ticks every five years', () => {
    const years = Array.from({ length: 25 }, (_, k) => 2025 + k);
    expect(yearAxis(years).ticks).toEqual([2025, 2030, 2035, 2040, 2045]);
  });
  it('yearAxis([2025]) widens a single year by half a year', () => {
    expect(yearAxis([2025])).toEqual({ domain: [2024.5, 2025.5], ticks: [2025] });
  });
  it('yearAxis([]) is [0, 1] without ticks', () => expect(yearAxis([])).toEqual({ domain: [0, 1], ticks: [] }));
  it('yearAxis(years, 0, 0) throws a RangeError', () => expect(() => yearAxis([2025], 0, 0)).toThrow(RangeError));
});

describe('lineLabels', () => {
  const series = (text: string, value: number) => ({ text, color: '#000', years: [2025, 2026], values: [0, value] });
  it('keeps labels that do not collide at their values', () => {
    const labels = lineLabels([series('a', 1), series('b', 9)], { type: 'linear', domain: [0, 10], heightPx: 100 });
    expect(labels.map((l) => [l.text, l.y])).toEqual([
      ['a', 1],
      ['b', 9],
    ]);
  });
  it('moves colliding labels at least gapPx apart', () => {
    const labels = lineLabels([series('a', 5), series('b', 5.1), series('c', 5.2)], {
      type: 'linear',
      domain: [0, 10],
      heightPx: 100,
      gapPx: 10,
    });
    const ys = labels.map((l) => l.y).sort((p, q) => p - q);
    expect((ys[1] as number) - (ys[0] as number)).toBeCloseTo(1, 9);
    expect((ys[2] as number) - (ys[1] as number)).toBeCloseTo(1, 9);
  });
  it('moves only the labels a crowded top makes move: one far below keeps its value', () => {
    const labels = lineLabels([series('low', 1), series('a', 10), series('b', 10), series('c', 10)], {
      type: 'linear',
      domain: [0, 10],
      heightPx: 100,
      gapPx: 10,
    });
    expect(labels.find((l) => l.text === 'low')?.y).toBe(1);
    const ys = labels.map((l) => l.y).sort((p, q) => p - q);
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(9.5);
  });
  it('keeps a stack at the bottom inside the panel', () => {
    const labels = lineLabels([series('a', 0), series('b', 0), series('c', 0)], {
      type: 'linear',
      domain: [0, 10],
      heightPx: 100,
      gapPx: 10,
    });
    expect(Math.min(...labels.map((l) => l.y))).toBeGreaterThanOrEqual(0);
  });
  it('pushes a stack at the top back inside the domain', () => {
    const labels = lineLabels([series('a', 10), series('b', 10)], { type: 'linear', domain: [0, 10], heightPx: 100 });
    expect(Math.max(...labels.map((l) => l.y))).toBeLessThanOrEqual(10);
  });
  it('labels the last defined value and skips a series without one', () => {
    const labels = lineLabels(
      [
        { text: 'a', color: '#000', years: [1, 2, 3], values: [1, 2, Number.NaN] },
        { text: 'b', color: '#000', years: [1, 2], values: [Number.NaN, Number.NaN] },
      ],
      { type: 'log', domain: [0.5, 5], heightPx: 100 },
    );
    expect(labels).toEqual([{ x: 2, y: 2, anchorY: 2, text: 'a', color: '#000' }]);
  });
  it('throws a RangeError for a log domain that is not positive', () => {
    expect(() => lineLabels([], { type: 'log', domain: [0, 1], heightPx: 100 })).toThrow(RangeError);
  });
});

describe('valueDomain', () => {
  it('valueDomain([1, 4], linear) is [0, 4.32]', () => expect(valueDomain([1, 4], 'linear')).toEqual([0, 4.32]));
  it('valueDomain skips non-positive values on a log scale', () => {
    expect(valueDomain([0, 2, 8, Number.NaN], 'log')).toEqual([1.6, 10]);
  });
  it('valueDomain([], log) is [0.1, 10]', () => expect(valueDomain([], 'log')).toEqual([0.1, 10]));
});

describe('logTicks', () => {
  it('logTicks([1.6, 45]) gives a 1–2–3–5 series', () => expect(logTicks([1.6, 45])).toEqual([2, 3, 5, 10, 20, 30]));
  it('logTicks([0.2, 0.4]) fills a narrow domain', () => expect(logTicks([0.2, 0.4])).toEqual([0.2, 0.3, 0.4]));
  it('logTicks([0.01, 10000]) thins a wide domain', () => {
    expect(logTicks([0.01, 10_000])).toEqual([0.01, 0.1, 1, 10, 100, 1000, 10_000]);
  });
  it('logTicks([0, 1]) throws a RangeError', () => expect(() => logTicks([0, 1])).toThrow(RangeError));
});

describe('wrapText and chartLayout', () => {
  it("wrapText('a b c', 20, 10) breaks at the estimated width", () => {
    expect(wrapText('a b c', 20, 10)).toEqual(['a b', 'c']);
  });
  it('chartLayout puts the panel below one subtitle line', () => {
    const layout = chartLayout({ subtitle: 'x', caption: ['y'] }, 960, 540);
    expect(layout.panelTop).toBe(70);
    expect(layout.panelHeight).toBe(540 - 70 - 32);
  });
  it('chartLayout throws a RangeError when the panel has no room', () => {
    expect(() => chartLayout({ subtitle: 'x', caption: ['y'] }, 960, 200)).toThrow(RangeError);
  });
});

describe('definedOrNaN', () => {
  it('definedOrNaN(null) is NaN', () => expect(definedOrNaN(null)).toBeNaN());
  it("definedOrNaN(0, 'log') is NaN", () => expect(definedOrNaN(0, 'log')).toBeNaN());
  it("definedOrNaN(0, 'linear') is 0", () => expect(definedOrNaN(0)).toBe(0));
});

describe('source notes', () => {
  it('sourceNote names the scenario, its main settings and the sources', () => {
    expect(sourceNote(run(`name: Hague met\n${DEFAULT_RUN}\ncompliance: { default: binding }`))).toBe(
      "Scenario “Hague met”: pledge 3.5 % of GDP by 2035, compliance binding; Russia's threat elasticity 1.06; war goes on. " +
        "Simulated with armsrace; burdens on SIPRI's definition; " +
        'start data SIPRI Milex 2026 (earlier years from the releases marked in the data), World Bank WDI, IMF WEO Oct 2025',
    );
  });
  it('baselineNote(undefined) is undefined', () => expect(baselineNote(undefined)).toBeUndefined());
  it('yearSpan of a 2014–2024 run is 2014–2023 (years are annual means)', () => {
    expect(yearSpan(run(HISTORY_RUN))).toBe('2014–2023');
  });
});

describe('normaliseSvg', () => {
  it('rounds decimals to one place and leaves integers', () => {
    expect(normaliseSvg('<path d="M0.04,12.349L-0.04,3" x="1e-7 2.25"/>')).toBe('<path d="M0,12.3L0,3" x="0 2.3"/>');
  });
});
