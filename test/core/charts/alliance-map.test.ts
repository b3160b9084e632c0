import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLIANCE_MAP_CHART, type AllianceMapInput } from '../../../src/core/charts/map/index.js';
import { conicForward, conicInverse } from '../../../src/core/charts/map/lambert.js';
import { allianceMapData, type MapMode } from '../../../src/core/charts/map/map-data.js';
import { iso3Of, type WorldTopology } from '../../../src/core/charts/map/world.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import type { SimulationResult } from '../../../src/core/simulate.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import { readWorldTopology } from '../../../src/node/world-map.js';
import { expectGolden, pathShape, run, svgText, type TestElement, texts } from './chart-test-helpers.js';

const dataset = loadDataset();
const world = readWorldTopology('110m');

/** Allies per year counted straight from the membership file, not from the dataset's loader. */
function alliesInCsv(year: number): string[] {
  const csv = readFileSync(join(import.meta.dirname, '../../../data/nato_membership.csv'), 'utf8');
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => Number((cells[2] as string).slice(0, 4)) <= year)
    .map((cells) => cells[0] as string);
}

function buildMap(
  year: number,
  mode: MapMode,
  result?: SimulationResult,
  topology: WorldTopology = world,
  interactive = false,
): TestElement {
  const input: AllianceMapInput = { dataset, topology, year, mode, result };
  return ALLIANCE_MAP_CHART.build(input, { document: chartDocument(), interactive }) as unknown as TestElement;
}

const paths = (svg: TestElement, selector: string) => Array.from(svg.querySelectorAll(`${selector} path`));

describe('the map of NATO and Russia', () => {
  for (const [year, expected] of [
    [1990, 16],
    [2004, 26],
    [2024, 32],
  ] as const) {
    it(`colours the ${expected} allies of ${year} as allies, as data/nato_membership.csv lists them`, () => {
      const members = alliesInCsv(year);
      expect(members).toHaveLength(expected);
      expect(members).toContain('ISL');
      const data = allianceMapData(dataset, { year, mode: 'membership' });
      expect(data.allies).toBe(members.length);
      expect(
        data.rows
          .filter((r) => r.ally)
          .map((r) => r.iso3)
          .sort(),
      ).toEqual([...members].sort());
      const svg = buildMap(year, 'membership');
      const allies = paths(svg, 'g.map-ally');
      expect(allies).toHaveLength(members.length);
      for (const p of allies) expect(pathShape(p.getAttribute('d')).vertices).toBeGreaterThan(3);
      // In burden mode the same allies are coloured, whatever their band.
      expect(paths(buildMap(year, 'burden'), 'g.map-ally')).toHaveLength(members.length);
    });
  }

  it('draws Russia and Belarus in their own colours, and the Soviet Union before 1992', () => {
    const svg = buildMap(2024, 'membership');
    for (const key of ['russia', 'belarus']) {
      const drawn = paths(svg, `g.map-${key}`);
      expect(drawn).toHaveLength(1);
      expect(pathShape(drawn[0]?.getAttribute('d') ?? null).vertices).toBeGreaterThan(20);
    }
    expect(svg.querySelector('g.map-russia')?.getAttribute('fill')).toBe('#B2182B');
    const soviet = buildMap(1990, 'membership');
    expect(paths(soviet, 'g.map-soviet')).toHaveLength(15);
    expect(paths(soviet, 'g.map-russia')).toHaveLength(0);
    expect(texts(soviet)).toContain('Soviet Union');
  });

  it('highlights the land border of the allies with Russia and Belarus, from the dataset’s borders', () => {
    const data = allianceMapData(dataset, { year: 2024, mode: 'membership' });
    expect(data.frontline).toEqual(['EST', 'FIN', 'LVA', 'LTU', 'NOR', 'POL']);
    const frontier = paths(buildMap(2024, 'membership'), 'g.map-frontier');
    expect(frontier).toHaveLength(1);
    expect(pathShape(frontier[0]?.getAttribute('d') ?? null).vertices).toBeGreaterThan(20);
    // 1990: Norway's and Türkiye's borders with the Soviet Union.
    expect(allianceMapData(dataset, { year: 1990, mode: 'membership' }).frontline).toEqual(['NOR', 'TUR']);
    // 1950: Norway alone, Türkiye joined in 1952.
    expect(allianceMapData(dataset, { year: 1950, mode: 'membership' }).frontline).toEqual(['NOR']);
  });

  it('maps every ally and Russia, Belarus, Ukraine, Georgia and Moldova to a country of the topology', () => {
    for (const topology of [world, readWorldTopology('50m')]) {
      const codes = new Set(topology.objects.countries.geometries.map(iso3Of));
      for (const iso3 of [...dataset.allies(), 'RUS', 'BLR', 'UKR', 'GEO', 'MDA']) expect(codes).toContain(iso3);
    }
  });

  it('colours the allies by burden band from the latest SIPRI edition in a data year', () => {
    const edition = dataset.latestEdition('sipri-', 'milex_share_gdp');
    const data = allianceMapData(dataset, { year: 2024, mode: 'burden' });
    for (const row of data.rows.filter((r) => r.ally)) {
      const figure = dataset.observation(row.iso3, 'milex_share_gdp', edition, 2024)?.value;
      if (figure === undefined) {
        expect(row.category).toBe('no-figure');
        continue;
      }
      expect(row.burden).toBeCloseTo(figure / 100, 12);
      expect(row.category).toBe(figure >= 3.495 ? 'at-3-5' : figure >= 1.995 ? 'at-2' : 'below-2');
    }
    expect(data.rows.find((r) => r.iso3 === 'ISL')?.category).toBe('no-figure');
    const svg = buildMap(2024, 'burden');
    const counted = (key: string) => data.rows.filter((r) => r.category === key).length;
    for (const key of ['below-2', 'at-2', 'at-3-5', 'no-figure']) {
      expect(paths(svg, `g.map-${key}`)).toHaveLength(counted(key));
    }
    const caption = Array.from(svg.querySelectorAll('.chart-caption'), (t) => t.textContent).join(' ');
    expect(caption).toContain('Natural Earth');
    expect(caption).toContain('SIPRI Military Expenditure Database');
    expect(svg.querySelector('.chart-subtitle')?.textContent).toContain(`${counted('at-2') + counted('at-3-5')} of 32`);
  });

  it('takes a simulated year from the run: its enlargement and its burdens', () => {
    const result = run('name: Ukraine joins\nend: 2045\nenlargement: [{ country: UKR, year: 2035 }]');
    const data = allianceMapData(dataset, { year: 2040, mode: 'membership', result });
    expect(data.basis).toBe('simulated');
    expect(data.allies).toBe(33);
    expect(data.rows.find((r) => r.iso3 === 'UKR')).toMatchObject({ ally: true, joined: 2035 });
    expect(data.frontline).toContain('UKR');
    expect(paths(buildMap(2040, 'membership', result), 'g.map-ally')).toHaveLength(33);
    // Before the accession Ukraine joins later; the run's first year is simulated, earlier ones are data.
    expect(
      allianceMapData(dataset, { year: 2030, mode: 'membership', result }).rows.find((r) => r.iso3 === 'UKR'),
    ).toMatchObject({ ally: false, category: 'later' });
    expect(allianceMapData(dataset, { year: 2024, mode: 'burden', result }).basis).toBe('data');
    const burden = allianceMapData(dataset, { year: 2040, mode: 'burden', result });
    const k = result.years.indexOf(2040);
    const pol = result.actors.find((a) => a.iso3 === 'POL');
    expect(burden.rows.find((r) => r.iso3 === 'POL')?.burden).toBe(pol?.burden[k]);
    expect(burden.sources.join(' ')).toContain('Scenario “Ukraine joins”: pledge');
  });

  it('refuses a year before 1949 and a year after the data without a run, naming the years it takes', () => {
    expect(() => allianceMapData(dataset, { year: 1948, mode: 'membership' })).toThrow(/1948.*1949 to 20\d\d/);
    expect(() => allianceMapData(dataset, { year: 2040, mode: 'burden' })).toThrow(/later years need a scenario/);
    expect(() => allianceMapData(dataset, { year: 2024, mode: 'colour' as MapMode })).toThrow(/membership or burden/);
  });

  it('gives every country a tooltip on a page, and none in a static image', () => {
    const page = buildMap(2024, 'burden', undefined, world, true);
    const titles = Array.from(page.querySelectorAll('g.map-ally path title'), (t) => t.textContent ?? '');
    expect(titles).toHaveLength(32);
    expect(titles.find((t) => t.startsWith('Poland'))).toMatch(/^Poland: ally since 1999, \d+\.\d\d % of GDP$/);
    expect(buildMap(2024, 'burden').querySelectorAll('g.map-ally path title').length).toBe(0);
  });

  it('places the inset through the same conic: projecting back and forth returns the point', () => {
    const p = { centre: 20, parallels: [43, 62] as const };
    for (const point of [
      [-9.5, 38.7],
      [60, 68.5],
      [-24.6, 63.3],
      [44.8, 37],
    ] as [number, number][]) {
      const [lon, lat] = conicInverse(p, conicForward(p, point));
      expect(lon).toBeCloseTo(point[0], 9);
      expect(lat).toBeCloseTo(point[1], 9);
    }
  });

  it('matches its golden SVG (2024, membership, Natural Earth 1:110m)', () => {
    expectGolden('alliance-map', svgText(buildMap(2024, 'membership')));
  });
});
