import { describe, expect, it } from 'vitest';
import type { ChartElement } from '../../../src/core/charts/chart-spec.js';
import { ENSEMBLE_CHARTS, eventBars, fanOf, formatPercent, variationNote } from '../../../src/core/charts/fan/index.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { type EnsembleResult, runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import { pathShape, type TestElement, texts } from './chart-test-helpers.js';

const dataset = loadDataset();
const SMALL =
  'end: 2036\nensemble:\n  uncertain: { response: { bootstrap: fitted } }\n  events:\n' +
  "    - { name: Russia's burden above 10 % in any year, series: RUS.burden, above: 10%, when: any }\n" +
  '    - { name: NATO at 3.5 % in 2035, series: NATO.burden, above: 3.5%, when: 2035 }\n' +
  '    - { name: Europe and Canada below 2 % in 2030, series: NATO_EUR_CAN.burden, below: 2%, when: 2030 }';
const small = runEnsemble(parseScenario(SMALL), dataset, { runs: 64, seed: 1 });
const FAN_IDS = [
  'fan-russia-burden',
  'fan-nato-burden',
  'fan-bloc-spending',
  'fan-balance',
  'fan-allies-at-thresholds',
];

function build(id: string, result: EnsembleResult = small): TestElement {
  const chart = ENSEMBLE_CHARTS.find((c) => c.id === id);
  if (chart === undefined) throw new RangeError(`no chart "${id}"`);
  return chart.build(result, { document: chartDocument() }) as unknown as TestElement;
}

/** Per x pixel, the lowest and highest y pixel of the area paths of `svg` with class `className`. */
function bandExtent(svg: TestElement, className: string): Map<number, [number, number]> {
  const extent = new Map<number, [number, number]>();
  for (const path of Array.from(svg.querySelectorAll(`g.${className} path`))) {
    const { xs, ys } = pathShape(path.getAttribute('d'));
    xs.forEach((x, k) => {
      const key = Math.round(x * 10) / 10;
      const y = ys[k] as number;
      const [lo, hi] = extent.get(key) ?? [y, y];
      extent.set(key, [Math.min(lo, y), Math.max(hi, y)]);
    });
  }
  return extent;
}

/** Replace the quantiles of one series of an ensemble. */
function withQuantiles(
  result: EnsembleResult,
  name: string,
  edit: (q: number, k: number, v: number) => number,
): EnsembleResult {
  return {
    ...result,
    series: result.series.map((s) =>
      s.name === name
        ? { ...s, quantiles: s.quantiles.map((row, q) => row.map((v, k) => edit(q, k, v ?? Number.NaN))) }
        : s,
    ),
  };
}

describe('ENSEMBLE_CHARTS', () => {
  it('lists the five fan charts and the event chart in reading order', () => {
    expect(ENSEMBLE_CHARTS.map((c) => c.id)).toEqual([...FAN_IDS, 'event-probabilities']);
  });

  for (const chart of ENSEMBLE_CHARTS) {
    it(`builds ${chart.id} as one standalone svg with its title, subtitle and caption`, () => {
      const svg = chart.build(small, { document: chartDocument() }) as unknown as TestElement;
      expect(svg.getAttribute('data-chart')).toBe(chart.id);
      expect(svg.getAttribute('width')).toBe('960');
      const all = texts(svg);
      expect(all[0]).toBe(chart.title);
      expect(Array.from(svg.querySelectorAll('text.chart-subtitle'), (t) => t.textContent).join(' ')).toContain(
        '64 members, seed 1, varying the fitted responses',
      );
      const caption = Array.from(svg.querySelectorAll('text.chart-caption'), (t) => t.textContent).join(' ');
      expect(caption).toContain('Ensemble of 64 members, seed 1;');
      expect(caption).toContain('SIPRI Milex 2026');
      expect(svg.outerHTML).not.toContain('NaN');
    });
  }

  it('builds at another size', () => {
    const chart = ENSEMBLE_CHARTS[0] as (typeof ENSEMBLE_CHARTS)[number];
    const svg = chart.build(small, { document: chartDocument(), width: 640, height: 400 }) as unknown as ChartElement &
      TestElement;
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['640', '400']);
  });
});

describe('fan charts', () => {
  it('say how to read the bands in the caption', () => {
    const spec = ENSEMBLE_CHARTS.find((c) => c.id === 'fan-nato-burden')?.spec(small);
    expect(spec?.caption[0]).toContain(
      'Ensemble of 64 members, seed 1; shaded: 5–95 % and 25–75 % of members; line: median',
    );
    const allies = ENSEMBLE_CHARTS.find((c) => c.id === 'fan-allies-at-thresholds')?.spec(small);
    expect(allies?.caption[0]).toContain('shaded: 5–95 % of members; line: median');
  });

  it('have quantiles in order: the bands contain the median', () => {
    for (const name of ['RUS.burden', 'NATO.burden', 'NATO.spending', 'balance', 'allies_at_3.5']) {
      const fan = fanOf(small, name, { key: 'x', text: 'x', color: '#000' });
      expect(fan).toBeDefined();
      if (fan === undefined) continue;
      small.years.forEach((_, k) => {
        const q = [fan.q05[k], fan.q25[k], fan.q50[k], fan.q75[k], fan.q95[k]] as number[];
        for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual((q[i - 1] as number) - 1e-12);
      });
    }
  });

  for (const [id, key] of [
    ['fan-russia-burden', 'RUS'],
    ['fan-nato-burden', 'NATO'],
    ['fan-nato-burden', 'NATO_EUR_CAN'],
    ['fan-bloc-spending', 'RUS_BLOC'],
    ['fan-balance', 'balance'],
  ] as const) {
    it(`draws the median of ${key} inside its 25–75 % band, inside its 5–95 % band (${id})`, () => {
      const svg = build(id);
      const median = pathShape(svg.querySelector(`g.median-${key} path`)?.getAttribute('d') ?? null);
      expect(median.vertices).toBe(small.years.length);
      const inner = bandExtent(svg, `band-inner-${key}`);
      const outer = bandExtent(svg, `band-outer-${key}`);
      median.xs.forEach((x, k) => {
        const y = median.ys[k] as number;
        const [iLo, iHi] = inner.get(Math.round(x * 10) / 10) ?? [Number.NaN, Number.NaN];
        const [oLo, oHi] = outer.get(Math.round(x * 10) / 10) ?? [Number.NaN, Number.NaN];
        expect(y).toBeGreaterThanOrEqual(iLo - 0.01);
        expect(y).toBeLessThanOrEqual(iHi + 0.01);
        expect(iLo).toBeGreaterThanOrEqual(oLo - 0.01);
        expect(iHi).toBeLessThanOrEqual(oHi + 0.01);
      });
    });
  }

  it('draws the medians of the allies at 2 % and 3.5 % with 5–95 % bands only, and the number of allies', () => {
    const svg = build('fan-allies-at-thresholds');
    for (const key of ['at-2', 'at-3-5']) {
      expect(svg.querySelectorAll(`g.median-${key} path`).length).toBe(1);
      expect(svg.querySelectorAll(`g.band-outer-${key} path`).length).toBe(1);
      expect(svg.querySelector(`g.band-inner-${key}`)).toBeNull();
    }
    expect(texts(svg)).toEqual(expect.arrayContaining(['All allies', 'At 2 % or more', 'At 3.5 % or more']));
  });

  it('skips NaN quantiles: the band and the median break there, and nothing reads NaN', () => {
    const gap = withQuantiles(small, 'RUS.burden', (_, k, v) => (k === 4 || k === 5 ? Number.NaN : v));
    const svg = build('fan-russia-burden', gap);
    expect(svg.outerHTML).not.toContain('NaN');
    expect(pathShape(svg.querySelector('g.band-outer-RUS path')?.getAttribute('d') ?? null).subpaths).toBe(2);
    expect(pathShape(svg.querySelector('g.band-inner-RUS path')?.getAttribute('d') ?? null).subpaths).toBe(2);
    const median = pathShape(svg.querySelector('g.median-RUS path')?.getAttribute('d') ?? null);
    expect(median).toMatchObject({ vertices: small.years.length - 2, subpaths: 2 });
  });

  it('breaks only the band whose end is missing', () => {
    const gap = withQuantiles(small, 'RUS.burden', (q, k, v) => (q === 4 && k === 6 ? Number.NaN : v));
    const svg = build('fan-russia-burden', gap);
    expect(pathShape(svg.querySelector('g.band-outer-RUS path')?.getAttribute('d') ?? null).subpaths).toBe(2);
    expect(pathShape(svg.querySelector('g.band-inner-RUS path')?.getAttribute('d') ?? null).subpaths).toBe(1);
  });

  it("draws the 10 % rule on Russia's burden when it is in range, and leaves it out when not", () => {
    const high = withQuantiles(small, 'RUS.burden', (q, __, v) => (q === 4 ? Math.max(v, 0.12) : v));
    const within = build('fan-russia-burden', high);
    expect(within.querySelector('g.rule-10')?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(texts(within)).toContain('10 % of GDP');
    const low = withQuantiles(small, 'RUS.burden', (_, __, v) => Math.min(v, 0.08));
    const without = build('fan-russia-burden', low);
    expect(without.querySelector('g.rule-10')).toBeNull();
    expect(texts(without)).not.toContain('10 % of GDP');
  });

  it('draws the NATO fans in two colours with rules at 2 % and 3.5 %', () => {
    const svg = build('fan-nato-burden');
    const nato = svg.querySelector('g.band-outer-NATO')?.getAttribute('fill');
    const europe = svg.querySelector('g.band-outer-NATO_EUR_CAN')?.getAttribute('fill');
    expect(nato).toBeTruthy();
    expect(europe).toBeTruthy();
    expect(nato).not.toBe(europe);
    expect(svg.querySelector('g.rule-2')).not.toBeNull();
    expect(svg.querySelector('g.rule-3-5')).not.toBeNull();
    expect(texts(svg)).toEqual(expect.arrayContaining(['All NATO', 'Europe and Canada']));
  });

  it('puts bloc spending and the balance on log scales, the balance with a parity rule', () => {
    const spending = ENSEMBLE_CHARTS.find((c) => c.id === 'fan-bloc-spending')?.spec(small);
    expect((spending?.plot.y as { type?: string } | undefined)?.type).toBe('log');
    expect(spending?.subtitle).toContain('NATO and Russia and Belarus');
    const balance = build('fan-balance');
    expect(balance.querySelector('g.rule-1')).not.toBeNull();
    expect(texts(balance)).toContain('Parity');
  });

  it('says so when Russia is not among the actors', () => {
    const pair = runEnsemble(parseScenario('end: 2028\nactors: [POL, DEU, BLR]\nensemble: { events: [] }'), dataset, {
      runs: 8,
      seed: 1,
    });
    expect(build('fan-russia-burden', pair).querySelector('g.empty-note')?.textContent).toContain('not among');
    expect(build('event-probabilities', pair).querySelector('g.empty-note')?.textContent).toContain('No events');
  });
});

describe('event-probabilities', () => {
  it('draws one bar per event with its probability printed at the bar', () => {
    const svg = build('event-probabilities');
    expect(small.events).toHaveLength(3);
    expect(svg.querySelectorAll('g.event-bars rect').length).toBe(small.events.length);
    expect(svg.querySelectorAll('g.event-whiskers line').length).toBe(small.events.length);
    const labels = Array.from(svg.querySelectorAll('g.event-labels text'), (t) => t.textContent);
    expect(labels).toEqual(small.events.map((e) => formatPercent(e.probability)));
    const all = texts(svg);
    for (const e of small.events) expect(all.join(' ')).toContain(e.name.split(' ')[0] as string);
  });

  it('puts the whiskers at ±2 standard errors, clipped to 0–100 %', () => {
    const result: EnsembleResult = {
      ...small,
      events: [
        { name: 'a', probability: 0.5, standardError: 0.05, count: 32 },
        { name: 'b', probability: 0.01, standardError: 0.02, count: 1 },
        { name: 'c', probability: 1, standardError: 0, count: 64 },
      ],
    };
    expect(eventBars(result).map((b) => [b.low, b.percent, b.high].map((v) => Number(v.toFixed(6))))).toEqual([
      [40, 50, 60],
      [0, 1, 5],
      [100, 100, 100],
    ]);
    expect(ENSEMBLE_CHARTS.at(-1)?.spec(result).caption[0]).toContain('rule of three');
  });
});

describe('formatPercent and variationNote', () => {
  it('never round a share that is not quite 0 or 100 % to them', () => {
    expect([0, 0.0004, 0.671875, 0.9999, 1].map(formatPercent)).toEqual([
      '0 %',
      '< 0.1 %',
      '67.2 %',
      '> 99.9 %',
      '100 %',
    ]);
  });

  it('say what varies', () => {
    expect(variationNote({ ...small, uncertain: [], gdpShocks: false })).toBe('nothing varies between members');
    expect(variationNote({ ...small, uncertain: ['geography.decay_km'], gdpShocks: true })).toBe(
      'varying distance decay D (km) and GDP growth shocks',
    );
  });

  it('name the uncertain parameters in words, never by their paths', () => {
    const paths = ['response.default.spill_in', 'response.RUS.elasticity', 'compliance.POL', 'war.RUS.until'];
    expect(variationNote({ ...small, uncertain: paths, parameterLabels: {}, gdpShocks: false })).toBe(
      "varying allies' spill-in η, RUS's threat elasticity ε, POL's compliance κ and RUS's war's end (year)",
    );
    const ensemble = runEnsemble(
      parseScenario(
        'end: 2030\nensemble: { uncertain: { response.default.spill_in: { uniform: [0, 0.5] }, response.RUS.elasticity: { uniform: [0.5, 1.5] } } }',
      ),
      dataset,
      { runs: 32 },
    );
    const subtitle = ENSEMBLE_CHARTS.map((c) => c.spec(ensemble).subtitle).join(' ');
    expect(subtitle).toContain("varying Russia's threat elasticity ε, allies' spill-in η and GDP growth shocks");
    expect(subtitle).not.toMatch(/response\.|spill_in/);
  });
});

describe('fan chart tooltips', () => {
  it('are one mark more on the page, none in a static image, and name the median and the 5–95 % range', () => {
    for (const id of FAN_IDS) {
      const chart = ENSEMBLE_CHARTS.find((c) => c.id === id);
      if (chart === undefined) throw new Error(`no chart ${id}`);
      const marks = (interactive: boolean) => chart.spec(small, { interactive }).plot.marks?.length ?? 0;
      expect(marks(true), id).toBe(marks(false) + 1);
    }
    const rus = ENSEMBLE_CHARTS.find((c) => c.id === 'fan-russia-burden');
    const tip = rus?.spec(small, { interactive: true }).plot.marks?.at(-1) as {
      channels?: { title?: { value?: unknown } };
    };
    const title = tip.channels?.title?.value as ((d: unknown) => string) | undefined;
    const series = small.series.find((s) => s.name === 'RUS.burden');
    const median = (series?.quantiles[2]?.[0] as number) * 100;
    expect(typeof title).toBe('function');
    expect(
      (title as (d: unknown) => string)({ text: 'Russia', year: 2025, median, low: median, high: median }),
    ).toMatch(/^Russia, 2025\nmedian \d/);
  });
});
