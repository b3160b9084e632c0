import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartSpecOptions } from '../../../src/core/charts/chart-spec.js';
import { CHARTS } from '../../../src/core/charts/charts.js';
import type { Dataset } from '../../../src/core/data/dataset.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { type SimulationResult, simulate } from '../../../src/core/simulate.js';
import { chartDocument, serialiseSvg } from '../../../src/node/render-charts.js';

/** The parts of a linkedom element the tests read. */
export interface TestElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): TestElement | null;
  querySelectorAll(selector: string): ArrayLike<TestElement>;
}

let dataset: Dataset | undefined;
const runs = new Map<string, SimulationResult>();

/** Simulate a scenario given as YAML, once per test file. */
export function run(yaml: string): SimulationResult {
  dataset ??= loadDataset();
  let result = runs.get(yaml);
  if (result === undefined) {
    result = simulate(parseScenario(yaml), dataset);
    runs.set(yaml, result);
  }
  return result;
}

/** The default run, 2025–2050. */
export const DEFAULT_RUN = 'end: 2050';
/** A historical run, 2014–2024, with NATO's enlargement. */
export const HISTORY_RUN = 'start: 2014\nend: 2024';
/** A small run for golden files. */
export const GOLDEN_RUN =
  'name: golden\nend: 2030\nactors: [USA, DEU, FRA, GBR, POL, EST, FIN, RUS, BLR, UKR]\nresponse: { default: { elasticity: 0.3, spill_in: 0, speed: 0.4 }, RUS: { elasticity: 1.0 } }';
/** A run with Russia and one ally only. */
export const PAIR_RUN = 'end: 2030\nactors: [RUS, POL]';

/** Build a chart by id into a linkedom element. */
export function buildChart(id: string, result: SimulationResult, options: ChartSpecOptions = {}): TestElement {
  const chart = CHARTS.find((c) => c.id === id);
  if (chart === undefined) throw new RangeError(`no chart "${id}"`);
  return chart.build(result, { ...options, document: chartDocument() }) as unknown as TestElement;
}

/** All texts of `<text>` elements in a chart. */
export function texts(svg: TestElement): string[] {
  return Array.from(svg.querySelectorAll('text'), (t) => t.textContent ?? '');
}

/** Replace a field of one actor of a result, e.g. to make values missing. */
export function withActor(
  result: SimulationResult,
  iso3: string,
  patch: Partial<SimulationResult['actors'][number]>,
): SimulationResult {
  return { ...result, actors: result.actors.map((a) => (a.iso3 === iso3 ? { ...a, ...patch } : a)) };
}

/** Count the vertices (M and L commands) and the subpaths (M commands) of an SVG path. */
export function pathShape(d: string | null): { vertices: number; subpaths: number; xs: number[]; ys: number[] } {
  const commands = [...(d ?? '').matchAll(/([ML])(-?[\d.e+-]+),(-?[\d.e+-]+)/g)];
  return {
    vertices: commands.length,
    subpaths: commands.filter((c) => c[1] === 'M').length,
    xs: commands.map((c) => Number(c[2])),
    ys: commands.map((c) => Number(c[3])),
  };
}

/**
 * Round every decimal number of an SVG text to one decimal, so that golden files do not depend on
 * the last bits of floating-point arithmetic.
 */
export function normaliseSvg(svg: string): string {
  const declaration = /^<\?xml[^>]*\?>/.exec(svg)?.[0] ?? '';
  // Decimals, and integers with a negative exponent (1e-7), which Plot writes for tiny offsets.
  const body = svg.slice(declaration.length).replace(/-?\d*\.\d+(?:e[-+]?\d+)?|-?\d+e-\d+/gi, (n) => {
    const rounded = Math.round(Number(n) * 10) / 10;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
  return declaration + body;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
/** Where the golden SVG files live. */
export const GOLDEN_DIR = join(root, 'test/fixtures/charts');

/**
 * Compare an SVG with its golden file. A missing golden file, or `UPDATE_GOLDEN=1`, writes it; a
 * difference writes `<name>.new.svg` beside it and throws saying how to accept it.
 */
export function expectGolden(name: string, svg: string): void {
  const file = join(GOLDEN_DIR, `${name}.svg`);
  const fresh = join(GOLDEN_DIR, `${name}.new.svg`);
  const actual = normaliseSvg(svg);
  mkdirSync(GOLDEN_DIR, { recursive: true });
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    rmSync(fresh, { force: true });
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(fresh, { force: true });
    return;
  }
  writeFileSync(fresh, actual);
  throw new Error(
    `${relative(root, file)} differs from the chart rendered now, written to ${relative(root, fresh)}; ` +
      'look at both, and if the new one is right accept it with UPDATE_GOLDEN=1 npx vitest run test/core/charts',
  );
}

/** Serialise a built chart as a standalone SVG file. */
export function svgText(svg: TestElement): string {
  return serialiseSvg(svg);
}
