import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { drawMembers } from '../../../src/core/ensemble/chunk.js';
import { prepareEnsemble, runEnsemble, runMembers } from '../../../src/core/ensemble/run-ensemble.js';
import { exp, log } from '../../../src/core/math/elementary.js';
import { type AnnualMeans, integrateAnnual } from '../../../src/core/model/annual-means.js';
import { kernelOf } from '../../../src/core/model/demand/build.js';
import { buildDemandModel } from '../../../src/core/model/demand/index.js';
import { type DemandKernel, ENTRY, FLOOR_RETURN } from '../../../src/core/model/demand/kernel.js';
import { decodeBase64, wasmKernelStatus } from '../../../src/core/model/demand/wasm.js';
import { KERNEL_WASM_BASE64, KERNEL_WASM_SOURCE_SHA256 } from '../../../src/core/model/demand/wasm-binary.generated.js';
import { IMAGE_HEADER, KERNEL_IMAGE_VERSION, SCRATCH_PER_ENTRY } from '../../../src/core/model/demand/wasm-image.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE = readFileSync(join(ROOT, 'src/wasm/demand-kernel.c'), 'utf8');
const dataset = loadDataset();

/** Every value of two runs' annual means and year states, compared bit for bit (Object.is). */
function differences(a: AnnualMeans, b: AnnualMeans): number {
  let count = 0;
  for (const k of ['gdp', 'spending', 'capability', 'threat', 'spillIn', 'yearStates'] as const) {
    expect(b[k].length).toBe(a[k].length);
    for (let i = 0; i < a[k].length; i++) if (!Object.is(a[k][i], b[k][i])) count++;
  }
  return count;
}

const hasClang = (() => {
  try {
    execFileSync('clang', ['--version'], { stdio: 'ignore' });
    execFileSync('wasm-ld', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the WebAssembly kernel is the C source as committed', () => {
  it('was built from the source as it is now (its SHA-256)', () => {
    const sha = createHash('sha256')
      .update(readFileSync(join(ROOT, 'src/wasm/demand-kernel.c')))
      .digest('hex');
    expect(sha, 'src/wasm/demand-kernel.c changed since the binary was built: run npm run build:wasm').toBe(
      KERNEL_WASM_SOURCE_SHA256,
    );
  });

  it.skipIf(!hasClang)(
    'compiling the source again gives the same bytes (where clang and wasm-ld are installed)',
    () => {
      const out = execFileSync('node', [join(ROOT, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
      expect(out).toContain('the same bytes');
    },
  );

  it('reads the image the TypeScript side writes: the same header fields, version and scratch', () => {
    const body = /enum \{([\s\S]*?)\};/.exec(SOURCE)?.[1] ?? '';
    const names = [...body.matchAll(/\bH_([A-Z_]+)\b/g)].map((m) => m[1]).filter((n) => n !== 'COUNT');
    expect(names).toEqual([...IMAGE_HEADER]);
    const define = (name: string) => Number(new RegExp(`#define ${name} ([0-9.]+)`).exec(SOURCE)?.[1]);
    expect(define('KERNEL_IMAGE_VERSION')).toBe(KERNEL_IMAGE_VERSION);
    expect(define('SCRATCH_PER_ENTRY')).toBe(SCRATCH_PER_ENTRY);
    expect(define('ENTRY')).toBe(ENTRY);
    expect(define('BINDING_FLOOR_RETURN')).toBe(FLOOR_RETURN);
  });

  it('decodes from base64 to a module that imports nothing and loads here', () => {
    const bytes = decodeBase64(KERNEL_WASM_BASE64);
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNEL_WASM_BASE64);
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    expect(wasmKernelStatus()).toEqual({ available: true });
    expect(() => decodeBase64('AB$C')).toThrow(/"\$" at 2 is not base64/);
  });
});

describe('the WebAssembly kernel’s exp and log, two lanes at a time, give the bits of the TypeScript’s', () => {
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(KERNEL_WASM_BASE64)), {}).exports as {
    memory: WebAssembly.Memory;
    __heap_base: WebAssembly.Global;
    armsrace_exp_each: (x: number, out: number, count: number) => void;
    armsrace_log_each: (x: number, out: number, count: number) => void;
  };
  /** Apply the module's function to `x` (in its memory after the heap base) and return the results. */
  const run = (f: (x: number, out: number, count: number) => void, x: Float64Array) => {
    const base = Math.ceil((wasm.__heap_base.value as number) / 16) * 16;
    const need = base + 16 * x.length;
    if (need > wasm.memory.buffer.byteLength)
      wasm.memory.grow(Math.ceil((need - wasm.memory.buffer.byteLength) / 65536));
    new Float64Array(wasm.memory.buffer, base, x.length).set(x);
    f(base, base + 8 * x.length, x.length);
    return new Float64Array(wasm.memory.buffer, base + 8 * x.length, x.length).slice();
  };
  // Mixed so that pairs of ordinary arguments, pairs with one special argument, and an odd tail occur.
  const special = [0, -0, 1, -1, 704, -704, 709.78, 709.8, -745.2, 1e-320, 5e-324, 2 ** 31, Number.MIN_VALUE];
  const extremes = [Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
  const mix = (ordinary: (k: number) => number) => {
    const out = Float64Array.from({ length: 100_001 }, (_, k) => ordinary(k));
    for (const [k, v] of [...special, ...special.map((s) => -s), ...extremes].entries()) out[37 * k + (k % 2)] = v;
    return out;
  };
  let seed = 7;
  const u = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };

  it('exp', () => {
    const x = mix((k) => (k % 3 === 0 ? -760 + 1520 * u() : -3 + 6 * u()));
    const out = run(wasm.armsrace_exp_each, x);
    let differ = 0;
    for (let k = 0; k < x.length; k++) if (!Object.is(out[k], exp(x[k] as number))) differ++;
    expect(differ).toBe(0);
  });

  it('log', () => {
    const x = mix((k) => (k % 3 === 0 ? 10 ** (-320 + 628 * u()) : 0.5 + 2 ** 32 * u() ** 8));
    const out = run(wasm.armsrace_log_each, x);
    let differ = 0;
    for (let k = 0; k < x.length; k++) if (!Object.is(out[k], log(x[k] as number))) differ++;
    expect(differ).toBe(0);
  });
});

describe('the WebAssembly and TypeScript kernels give the same bits', () => {
  it('skipping the logarithms and exponentials of actors that do not respond changes no bit', () => {
    const scenario = resolveScenario(parseScenario('end: 2035'), dataset);
    const model = buildDemandModel(scenario, dataset, { members: 3 });
    const kernel = kernelOf(model) as DemandKernel;
    expect([...kernel.responds].filter((b) => b === 0).length).toBeGreaterThan(10);
    const skipping = integrateAnnual(model, { stepYears: 0.25, solver: 'rk4', kernel: 'typescript' });
    kernel.responds.fill(3);
    const all = integrateAnnual(model, { stepYears: 0.25, solver: 'rk4', kernel: 'typescript' });
    expect(differences(skipping, all)).toBe(0);
    expect(differences(skipping, integrateAnnual(model, { stepYears: 0.25, solver: 'rk4', kernel: 'wasm' }))).toBe(0);
  });

  const presets = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

  it.each(presets)('preset %s, one run at the scenario’s step, and 5 members at the ensemble’s', (file) => {
    const input = parseScenario(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
    if (input.model === 'richardson') return;
    const scenario = resolveScenario(input, dataset);
    for (const [members, stepping] of [
      [1, { stepYears: scenario.stepYears, solver: 'rk4' as const }],
      [5, { stepYears: 0.25, solver: 'rk4' as const, samplesPerYear: 4 }],
    ] as const) {
      const model = buildDemandModel(scenario, dataset, { members });
      const ts = integrateAnnual(model, { ...stepping, kernel: 'typescript' });
      const wasm = integrateAnnual(model, { ...stepping, kernel: 'wasm' });
      expect(ts.solver.kernel).toBe('typescript');
      expect(wasm.solver.kernel).toBe('wasm');
      expect(wasm.solver.steps).toBe(ts.solver.steps);
      expect(differences(ts, wasm)).toBe(0);
    }
  });

  it('an ensemble that varies every kind of parameter, with GDP shocks and a stability event: the same result', () => {
    const input = parseScenario(`
end: 2040
pledges:
  - { target: 0.035, by: 2035 }
war: { RUS: { extra_share: 0.03, until: 2030, fade_years: 4 } }
ensemble:
  gdp_shocks: true
  uncertain:
    response.RUS.elasticity: { normal: [1, 0.3] }
    response.default.spill_in: { uniform: [0, 0.3] }
    response.default.speed: { uniform: [0.2, 0.4] }
    compliance.default: { triangular: [0.4, 0.8, 1] }
    war.RUS.extra_share: { uniform: [0.01, 0.04] }
    war.RUS.until: { uniform: [2028, 2034] }
    war.RUS.fade_years: { uniform: [0, 6] }
    pledges[0].target: { uniform: [0.025, 0.045] }
    pledges[0].by: { uniform: [2030, 2038] }
    geography.decay_km: { lognormal: [7.3, 0.2] }
    geography.floor.POL: { uniform: [0, 0.2] }
    capability.depreciation: { uniform: [0.05, 0.12] }
    capability.build_share.default: { uniform: [0.2, 0.5] }
  events:
    - { stability: positive, year: 2035 }
    - { name: Russia above 8 %, series: RUS.burden, above: 8, when: any }
`);
    const ts = runEnsemble(input, dataset, { runs: 70, seed: 11, kernel: 'typescript' });
    const wasm = runEnsemble(input, dataset, { runs: 70, seed: 11, kernel: 'wasm' });
    expect(wasm).toEqual(ts);
    expect(ts.uncertain.length).toBe(13);
    // Member for member: every series of every member of a chunk, with per-member proximity weights
    // (decay and floors drawn), per-member pledges and war terms, and GDP shocks.
    const members = (kernel: 'typescript' | 'wasm') => {
      const setup = prepareEnsemble(input, dataset, { seed: 11, kernel });
      return runMembers(setup, 19, drawMembers(setup, 0, 19));
    };
    const a = members('typescript');
    const b = members('wasm');
    expect(a.model.sharedProximity).toBe(false);
    expect(a.model.parameters.gdpShock).toBeDefined();
    expect(new Set(a.model.parameters.warUntil).size).toBeGreaterThan(10);
    expect(b.annual.solver.kernel).toBe('wasm');
    expect(differences(a.annual, b.annual)).toBe(0);
    expect(b.values).toEqual(a.values);
  });

  it('the bootstrap of the fitted responses: the same ensemble', () => {
    const input = parseScenario('end: 2032\nensemble: { uncertain: { response: { bootstrap: fitted } } }');
    const ts = runEnsemble(input, dataset, { runs: 40, seed: 2, kernel: 'typescript' });
    expect(runEnsemble(input, dataset, { runs: 40, seed: 2, kernel: 'wasm' })).toEqual(ts);
  });

  it('a run with the default kernel uses WebAssembly here and equals the TypeScript run', () => {
    const input = parseScenario('');
    const auto = simulate(input, dataset);
    const ts = simulate(input, dataset, { kernel: 'typescript' });
    expect(auto).toEqual({ ...ts, solver: { ...ts.solver, kernel: 'wasm' } });
  });

  it('refuses kernel: wasm for a model it did not compile, naming the fix', () => {
    const scenario = resolveScenario(parseScenario('end: 2027'), dataset);
    const model = { ...buildDemandModel(scenario, dataset) };
    expect(() => integrateAnnual(model, { stepYears: 0.25, solver: 'rk4', kernel: 'wasm' })).toThrow(
      /kernel: wasm needs a model from buildDemandModel; use kernel: typescript/,
    );
    expect(integrateAnnual(model, { stepYears: 0.25, solver: 'rk4' }).solver.kernel).toBe('typescript');
  });
});
