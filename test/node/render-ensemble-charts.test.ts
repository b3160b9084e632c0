import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENSEMBLE_CHARTS } from '../../src/core/charts/fan/index.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { renderEnsembleCharts } from '../../src/node/render-ensemble-charts.js';
import { decodePng, PNG_SIGNATURE } from './png.js';

const dataset = loadDataset();
const BOOTSTRAP = 'ensemble: { uncertain: { response: { bootstrap: fitted } } }';
const small = runEnsemble(parseScenario(`end: 2036\n${BOOTSTRAP}`), dataset, { runs: 64, seed: 1 });

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

  it('renders PNGs at twice the requested size, with the signature and ink in the title, panel and caption', () => {
    const charts = renderEnsembleCharts(small, { format: 'png', width: 800, height: 450 });
    expect(charts).toHaveLength(ENSEMBLE_CHARTS.length);
    for (const chart of charts) {
      const png = chart.content as Uint8Array;
      expect(chart.file).toBe(`${chart.id}.png`);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const image = decodePng(png);
      expect([image.width, image.height]).toEqual([1600, 900]);
      expect(image.pixels.slice(0, 4)).toEqual(new Uint8Array([255, 255, 255, 255]));
      expect(ink(image, 16, 72).inked).toBeGreaterThan(1600); // the title
      const panel = ink(image, 200, 760);
      expect(panel.inked).toBeGreaterThan(8000);
      expect(panel.colours).toBeGreaterThan(8);
      expect(ink(image, 840, 900).inked).toBeGreaterThan(800); // the caption
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
