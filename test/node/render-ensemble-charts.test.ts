import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ENSEMBLE_CHARTS } from '../../src/core/charts/fan/index.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { renderEnsembleCharts } from '../../src/node/render-ensemble-charts.js';

const dataset = loadDataset();
const BOOTSTRAP = 'ensemble: { uncertain: { response: { bootstrap: fitted } } }';
const small = runEnsemble(parseScenario(`end: 2036\n${BOOTSTRAP}`), dataset, { runs: 64, seed: 1 });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decode an 8-bit RGBA PNG (what resvg writes) into its size and pixels, undoing the row filters. */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    }
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (pixels[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, Math.floor((a + b) / 2), paeth][filter] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Count the pixels of a band of rows that are not white, and the distinct colours among them. */
function ink(image: ReturnType<typeof decodePng>, fromRow: number, toRow: number): { inked: number; colours: number } {
  let inked = 0;
  const colours = new Set<number>();
  for (let y = fromRow; y < toRow; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]] as number[];
      colours.add((r as number) * 65536 + (g as number) * 256 + (b as number));
      if ((r as number) + (g as number) + (b as number) < 720) inked++;
    }
  }
  return { inked, colours: colours.size };
}

describe('renderEnsembleCharts', () => {
  it('renders every ensemble chart as a standalone SVG named <id>.svg', () => {
    const charts = renderEnsembleCharts(small, { format: 'svg' });
    expect(charts.map((c) => c.file)).toEqual(ENSEMBLE_CHARTS.map((c) => `${c.id}.svg`));
    for (const chart of charts) {
      const svg = chart.content as string;
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
        true,
      );
      expect(svg).toContain(`>${chart.title}</text>`);
      expect(svg).toContain('Ensemble of 64 members, seed 1;');
    }
  });

  it('renders only the charts asked for, in the registry order', () => {
    const charts = renderEnsembleCharts(small, { format: 'svg', only: ['event-probabilities', 'fan-balance'] });
    expect(charts.map((c) => c.id)).toEqual(['fan-balance', 'event-probabilities']);
  });

  it('throws a RangeError for an unknown chart id or format', () => {
    expect(() => renderEnsembleCharts(small, { format: 'svg', only: ['pie'] })).toThrow(
      /"pie" does not exist; use one of fan-russia-burden/,
    );
    expect(() => renderEnsembleCharts(small, { format: 'gif' as 'svg' })).toThrow(RangeError);
  });

  it('renders PNGs with the signature, the requested size, and ink in the title, panel and caption', () => {
    const charts = renderEnsembleCharts(small, { format: 'png', width: 800, height: 450 });
    expect(charts).toHaveLength(ENSEMBLE_CHARTS.length);
    for (const chart of charts) {
      const png = chart.content as Uint8Array;
      expect(chart.file).toBe(`${chart.id}.png`);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const image = decodePng(png);
      expect([image.width, image.height]).toEqual([800, 450]);
      expect(image.pixels.slice(0, 4)).toEqual(new Uint8Array([255, 255, 255, 255]));
      expect(ink(image, 8, 36).inked).toBeGreaterThan(400); // the title
      const panel = ink(image, 100, 380);
      expect(panel.inked).toBeGreaterThan(2000);
      expect(panel.colours).toBeGreaterThan(8);
      expect(ink(image, 420, 450).inked).toBeGreaterThan(200); // the caption
    }
  });

  it('writes the charts of a 256-member default ensemble to test/artifacts/ensemble/ for a person to look at', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const result = runEnsemble(parseScenario(BOOTSTRAP), dataset, { runs: 256, seed: 1 });
    const charts = renderEnsembleCharts(result, { format: 'png' });
    const dir = join(root, 'test/artifacts/ensemble');
    mkdirSync(dir, { recursive: true });
    for (const chart of charts) writeFileSync(join(dir, chart.file), chart.content);
    expect(charts.map((c) => c.file)).toEqual(ENSEMBLE_CHARTS.map((c) => `${c.id}.png`));
  });
});
