import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/core, lowest first (docs/architecture.md): a module imports only from its own
// layer or lower ones, so the numerics never depend on the model, nor the model on the analyses.
const CORE = resolve(import.meta.dirname, '../../src/core');
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'units.ts', 'threshold.ts', 'csv-precision.ts', 'math/', 'solve/'],
  ['estimate/', 'sensitivity/'],
  ['data/', 'scenario/schema.ts', 'scenario/defaults.ts', 'scenario/show-value.ts', 'scenario/run-span.ts'],
  ['model/'],
  ['scenario/'],
  ['outputs/', 'simulate.ts', 'simulate-richardson.ts', 'run-scenario.ts', 'result-records.ts'],
  ['ensemble/', 'fit/'],
  ['analyze/', 'validate/'],
  ['charts/'],
  ['index.ts'],
];

/** The layer of a file (path relative to src/core): the most specific entry that matches it. */
function layerOf(file: string): number {
  let best = -1;
  let length = -1;
  for (const [k, entries] of LAYERS.entries())
    for (const e of entries)
      if ((e.endsWith('/') ? file.startsWith(e) : file === e) && e.length > length) {
        best = k;
        length = e.length;
      }
  return best;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && name !== 'embedded.generated.ts' ? [path] : [];
  });
}

describe('the layers of src/core', () => {
  const all = files(CORE).map((f) => relative(CORE, f));

  it('place every file in a layer', () => {
    expect(all.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('let no import run from a lower layer to a higher one', () => {
    const uphill: string[] = [];
    for (const file of all) {
      const text = readFileSync(join(CORE, file), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = relative(CORE, resolve(dirname(join(CORE, file)), (m[1] as string).replace(/\.js$/, '.ts')));
        if (layerOf(target) > layerOf(file))
          uphill.push(`${file} (layer ${layerOf(file)}) → ${target} (layer ${layerOf(target)})`);
      }
    }
    expect(uphill).toEqual([]);
  });
});
