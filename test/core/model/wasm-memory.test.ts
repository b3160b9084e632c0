import { describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { integrateAnnual } from '../../../src/core/model/annual-means.js';
import { buildDemandModel } from '../../../src/core/model/demand/index.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';

// Every image laid out here claims 3 GB, more than the WebAssembly kernel's memory takes: as a model
// of some hundred thousand members in one piece would.
vi.mock('../../../src/core/model/demand/wasm-image.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/model/demand/wasm-image.js')>();
  return {
    ...original,
    layoutImage: (...args: Parameters<typeof original.layoutImage>) => ({
      ...original.layoutImage(...args),
      bytes: 3e9,
    }),
  };
});

describe('a model too large for the WebAssembly kernel’s memory', () => {
  const dataset = loadDataset();
  const model = buildDemandModel(resolveScenario(parseScenario('end: 2028'), dataset), dataset, { members: 2 });

  it('runs in TypeScript by default', () => {
    const annual = integrateAnnual(model, { stepYears: 0.25, solver: 'rk4' });
    expect(annual.solver.kernel).toBe('typescript');
    expect(annual.gdp.every(Number.isFinite)).toBe(true);
  });

  it('is refused when WebAssembly is asked for, naming the size and the way out', () => {
    expect(() => integrateAnnual(model, { stepYears: 0.25, solver: 'rk4', kernel: 'wasm' })).toThrow(
      /members: the model needs 286\d MiB, more than the WebAssembly kernel's memory takes; run fewer members per model or kernel: typescript/,
    );
  });
});
