/**
 * Fuzz the scenario pipeline and the HTTP API with generated and mutated inputs.
 *
 * Usage: npm run fuzz -- --cases 10000 [--seed 7] [--target scenarios|api|all]
 *
 * Prints one summary line per target (`scenarios: 10000 cases, 0 crashes, 0 non-finite, 0 over
 * time`) and its first failures, and exits with status 1 when any target has a failure. The
 * targets live in test/fuzz/ (the same generators `npm test` runs at fixed seeds).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { progressBar } from '../src/cli/ensemble.js';
import { fuzzScenarios } from '../test/fuzz/scenarios.js';
import type { FuzzSummary } from '../test/fuzz/summary.js';

type FuzzTarget = (options: {
  cases: number;
  seed: number;
  onProgress?: (done: number) => void;
}) => Promise<FuzzSummary>;

/** Failures printed per target. */
const SHOWN_FAILURES = 5;

const whole = (name: string, min: number) => (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    throw new InvalidArgumentError(`${name}: ${JSON.stringify(text)} is not a whole number from ${min}`);
  return n;
};

/** The api target, from test/fuzz/api.ts when it exists. */
async function apiTarget(): Promise<FuzzTarget | string> {
  // A specifier in a variable: the module may not exist yet, and the script runs without it.
  const specifier = '../test/fuzz/api.js';
  try {
    const module = (await import(specifier)) as { fuzzApi?: FuzzTarget };
    return module.fuzzApi ?? 'test/fuzz/api.ts exports no fuzzApi';
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('fuzz/api'))
      return 'test/fuzz/api.ts does not exist';
    throw error;
  }
}

function report(s: FuzzSummary): string[] {
  const lines = [
    `${s.target}: ${s.cases} cases, ${s.crashes} crashes, ${s.nonFinite} non-finite, ${s.overTime} over time`,
  ];
  for (const f of s.failures.slice(0, SHOWN_FAILURES)) {
    lines.push(`  - ${f.message}`, `    input: ${f.input.replace(/\n/g, '\\n')}`);
  }
  if (s.failures.length > SHOWN_FAILURES) lines.push(`  … and ${s.failures.length - SHOWN_FAILURES} more kept`);
  return lines;
}

const program = new Command('fuzz')
  .description('Run generated and mutated inputs through the scenario pipeline and the HTTP API')
  .option('--cases <n>', 'cases per target', whole('--cases', 1), 1000)
  .option('--seed <n>', 'seed of the generators', whole('--seed', 0), 1)
  .addOption(new Option('--target <name>', 'what to fuzz').choices(['scenarios', 'api', 'all']).default('all'))
  .action(async (flags: { cases: number; seed: number; target: 'scenarios' | 'api' | 'all' }) => {
    const targets: [string, () => Promise<FuzzTarget | string>][] = [];
    if (flags.target !== 'api') targets.push(['scenarios', async () => fuzzScenarios]);
    if (flags.target !== 'scenarios') targets.push(['api', apiTarget]);
    let failed = false;
    for (const [name, load] of targets) {
      const target = await load();
      if (typeof target === 'string') {
        console.log(`${name}: unavailable (${target}); skipped`);
        continue;
      }
      const bar = progressBar(name);
      let summary: FuzzSummary;
      try {
        summary = await target({
          cases: flags.cases,
          seed: flags.seed,
          onProgress: (done) => bar.update(done, flags.cases),
        });
      } finally {
        bar.stop();
      }
      for (const line of report(summary)) console.log(line);
      if (summary.crashes + summary.nonFinite + summary.overTime > 0 || summary.failures.length > 0) failed = true;
    }
    process.exit(failed ? 1 : 0);
  });

await program.parseAsync(process.argv);
