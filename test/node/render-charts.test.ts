import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/core/charts/charts.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { PNG_SCALE, renderCharts, svgToPng } from '../../src/node/render-charts.js';
import { decodePng, PNG_SIGNATURE } from './png.js';

const dataset = loadDataset();
const small = simulate(parseScenario('name: small\nend: 2030\nactors: [USA, DEU, POL, RUS, BLR]'), dataset);

/** Count the pixels darker than mid-grey in a band of rows. */
function darkPixels(image: ReturnType<typeof decodePng>, fromRow: number, toRow: number): number {
  let dark = 0;
  for (let y = fromRow; y < toRow; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if ((image.pixels[i] as number) + (image.pixels[i + 1] as number) + (image.pixels[i + 2] as number) < 384) dark++;
    }
  }
  return dark;
}

describe('renderCharts', () => {
  it('renders every chart as a standalone SVG named <id>.svg', () => {
    const charts = renderCharts(small, { format: 'svg' });
    expect(charts.map((c) => c.file)).toEqual(CHARTS.map((c) => `${c.id}.svg`));
    for (const chart of charts) {
      const svg = chart.content as string;
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
        true,
      );
      expect(svg).toContain('<rect fill="white" height="540" width="960" />');
      expect(svg).toContain(`>${chart.title}</text>`);
      expect(svg).toContain('font-family="sans-serif"');
    }
  });

  it('renders only the charts asked for, in the registry order', () => {
    const charts = renderCharts(small, { format: 'svg', only: ['balance', 'allies-burden'] });
    expect(charts.map((c) => c.id)).toEqual(['allies-burden', 'balance']);
  });

  it('throws a RangeError naming the known ids for an unknown one', () => {
    expect(() => renderCharts(small, { format: 'svg', only: ['pie'] })).toThrow(/"pie" does not exist; use one of/);
  });

  it('throws a RangeError for an unknown format', () => {
    expect(() => renderCharts(small, { format: 'gif' as 'svg' })).toThrow(RangeError);
  });

  it("renders a PNG at twice the chart's size, as the page saves one, with the signature and more than one colour", () => {
    const [chart] = renderCharts(small, { format: 'png', only: ['bloc-spending'], width: 640, height: 400 });
    const png = chart?.content as Uint8Array;
    expect(chart?.file).toBe('bloc-spending.png');
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
    expect(PNG_SCALE).toBe(2);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1280, 800]);
    const image = decodePng(png);
    const colours = new Set<number>();
    for (let i = 0; i < image.pixels.length; i += 4)
      colours.add(
        (image.pixels[i] as number) * 65536 + (image.pixels[i + 1] as number) * 256 + (image.pixels[i + 2] as number),
      );
    expect(colours.size).toBeGreaterThan(1);
  });

  it('shows the title and the caption in the PNG (text drawn in the top and bottom bands)', () => {
    const [chart] = renderCharts(small, { format: 'png', only: ['balance'] });
    const image = decodePng(chart?.content as Uint8Array);
    expect([image.width, image.height]).toEqual([1920, 1080]);
    expect(darkPixels(image, 20, 72)).toBeGreaterThan(2000); // the bold title
    expect(image.pixels.slice(0, 4)).toEqual(new Uint8Array([255, 255, 255, 255])); // white corner
    let captionInk = 0;
    for (let y = 1000; y < 1080; y++) {
      for (let x = 0; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if ((image.pixels[i] as number) < 200) captionInk++;
      }
    }
    expect(captionInk).toBeGreaterThan(800);
  });

  it('renders every chart for a run with Russia and Poland only', () => {
    const pair = simulate(parseScenario('end: 2030\nactors: [RUS, POL]'), dataset);
    expect(renderCharts(pair, { format: 'png' })).toHaveLength(CHARTS.length);
  });

  it('svgToPng draws text even with the fonts resvg finds on this machine', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="5" y="30" font-family="sans-serif" font-size="20">Text</text></svg>';
    const image = decodePng(svgToPng(svg, 200));
    expect(darkPixels(image, 0, 50)).toBeGreaterThan(20);
  });

  it('writes the default scenario charts (and a baseline comparison) to test/artifacts/ for a person to look at', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const result = simulate(parseScenario('end: 2050'), dataset);
    const restraint = simulate(
      parseScenario('name: Wales 2 % only\nend: 2050\npledges: [{ name: Wales, target: 2%, from: 2025, by: 2026 }]'),
      dataset,
    );
    const sets: [string, ReturnType<typeof renderCharts>][] = [
      ['charts', [...renderCharts(result, { format: 'svg' }), ...renderCharts(result, { format: 'png' })]],
      ['charts-baseline', renderCharts(result, { format: 'png', baseline: restraint })],
    ];
    for (const [folder, charts] of sets) {
      const dir = join(root, 'test/artifacts', folder);
      mkdirSync(dir, { recursive: true });
      for (const chart of charts) writeFileSync(join(dir, chart.file), chart.content);
    }
    expect(sets[0]?.[1]).toHaveLength(2 * CHARTS.length);
  });
});
