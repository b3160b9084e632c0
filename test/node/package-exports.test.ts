import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/node/start-worker.js';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, { types: string; default: string }>;
};

describe('the package entry points', () => {
  it('every entry point of package.json exports names a built file, with its types', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      expect(existsSync(join(ROOT, target.default)), `${entry}: ${target.default}`).toBe(true);
      expect(existsSync(join(ROOT, target.types)), `${entry}: ${target.types}`).toBe(true);
    }
  });

  it("imports as a user would: 'armsrace' the pure core, 'armsrace/node' the ensemble pool, charts, scenario files and the store", async () => {
    // Node resolves a package's own name from inside it, through "exports", as for an installed copy.
    const script = `
      const core = await import('${pkg.name}');
      const node = await import('${pkg.name}/node');
      const input = core.parseScenario('end: 2030');
      const dataset = core.loadDataset();
      const one = core.runEnsemble(input, dataset, { runs: 40, seed: 5 });
      const two = await node.runEnsembleParallel(input, dataset, { runs: 40, seed: 5, workers: 2 });
      console.log(JSON.stringify({
        core: ['simulate', 'runEnsemble', 'loadDataset', 'parseScenario'].filter((k) => typeof core[k] === 'function'),
        node: Object.keys(node).sort(),
        same: JSON.stringify(one) === JSON.stringify(two),
      }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      // A plain node, as a user's: not the test runner's loader options.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const out = JSON.parse(stdout) as { core: string[]; node: string[]; same: boolean };
    expect(out.core).toEqual(['simulate', 'runEnsemble', 'loadDataset', 'parseScenario']);
    expect(out.node).toEqual(
      expect.arrayContaining([
        'runEnsembleParallel',
        'renderCharts',
        'renderEnsembleCharts',
        'readScenario',
        'openStore',
        'renderSensitivityChart',
      ]),
    );
    expect(out.same).toBe(true);
  });
});

describe('workerExecArgv', () => {
  it("drops the parent's --input-type and -e/-p script, keeps its other options", () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code', '--enable-source-maps'])).toEqual([
      '--enable-source-maps',
    ]);
    // V8 and process options make `new Worker` throw: a worker never inherits them.
    expect(
      workerExecArgv([
        '--input-type',
        'module',
        '--print',
        '1 + 1',
        '--max-old-space-size=4096',
        '--expose-gc',
        '--import',
        'tsx',
      ]),
    ).toEqual(['--import', 'tsx']);
    expect(workerExecArgv(['--eval=code', '--print=1', '--conditions', 'node'])).toEqual(['--conditions', 'node']);
    expect(workerExecArgv([])).toEqual([]);
  });
});
