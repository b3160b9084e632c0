import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ArmsraceError, DataFileError, InputError } from '../core/errors.js';
import { backcastCommand } from './backcast.js';
import { claimsCommand } from './claims.js';
import type { GlobalOptions } from './context.js';
import { dataCommand } from './data.js';
import { ensembleCommand } from './ensemble.js';
import { fitCommand } from './fit.js';
import { grangerCommand } from './granger.js';
import { mapCommand } from './map.js';
import { pledgeCommand } from './pledge.js';
import { presetsCommand } from './presets.js';
import { runCommand } from './run.js';
import { sensitivityCommand } from './sensitivity.js';
import { serveCommand } from './serve.js';
import { validateCommand } from './validate.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Build the `armsrace` command line. */
export function buildProgram(): Command {
  const program = new Command('armsrace')
    .description('Data, models and a policy simulator for the NATO–Russia security dilemma')
    .version(version)
    .option(
      '--data-dir <dir>',
      'your data directory with imported editions (default: $ARMSRACE_DATA_DIR or ~/.local/share/armsrace)',
    )
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText(
      'after',
      `
Examples:
  armsrace pledge --year 2014          who met 2 % of GDP in 2014
  armsrace pledge --path hague         each ally's path to 3.5 % by 2035 and its cost
  armsrace data show RUS               Russia's series with their sources
  armsrace presets                     the preset scenarios
  armsrace run hague-met --out results --chart png
  armsrace claims 6                    what the data say about a press claim
  armsrace map --year 1990 --out maps  NATO and the Soviet Union on a map of Europe

Exit status: 0 success, 1 failure, 2 bad usage or bad input.`,
    );
  const globals = () => program.opts<GlobalOptions>();
  program.addCommand(pledgeCommand(globals));
  program.addCommand(dataCommand(globals));
  program.addCommand(runCommand(globals));
  program.addCommand(presetsCommand());
  program.addCommand(backcastCommand(globals));
  program.addCommand(ensembleCommand(globals));
  program.addCommand(sensitivityCommand(globals));
  program.addCommand(serveCommand(globals));
  program.addCommand(fitCommand(globals));
  program.addCommand(grangerCommand(globals));
  program.addCommand(claimsCommand(globals));
  program.addCommand(mapCommand(globals));
  program.addCommand(validateCommand(globals));
  program.exitOverride();
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  return program;
}

/** Run the CLI on `argv`; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? 0
        : 2;
    }
    if (error instanceof InputError || error instanceof DataFileError) {
      process.stderr.write(`armsrace: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ArmsraceError) {
      process.stderr.write(`armsrace: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`armsrace: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
