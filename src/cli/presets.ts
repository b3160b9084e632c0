import { Command } from 'commander';
import { listPresets } from '../node/scenario-file.js';
import { print } from './context.js';
import { formatTable } from './format.js';

/** `armsrace presets`: the preset scenarios, one line each. */
export function presetsCommand(): Command {
  return new Command('presets')
    .description('List the preset scenarios, one line each')
    .addHelpText('after', '\nExample:\n  armsrace presets\n  armsrace run hague-met')
    .action(() => {
      const presets = listPresets();
      print(
        [
          formatTable(
            [
              { header: 'preset', cell: (p: (typeof presets)[number]) => p.name },
              { header: 'what it assumes', cell: (p: (typeof presets)[number]) => p.summary },
            ],
            presets,
          ),
          '',
          'Run one: armsrace run <preset>; copy its file from the scenarios/ folder to change it.',
        ].join('\n'),
      );
    });
}
