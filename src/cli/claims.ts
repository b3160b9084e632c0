import { Command, Option } from 'commander';
import { CLAIM_IDS, claimEvidence, claimsEvidence } from '../core/analyze/claims/claims-evidence.js';
import type { ClaimEvidence, ClaimNumber, NamedScenario } from '../core/analyze/claims/types.js';
import { InputError } from '../core/errors.js';
import { listPresets, readScenario } from '../node/scenario-file.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { formatTable, grouped } from './format.js';

interface ClaimsFlags {
  format: 'text' | 'json';
}

const WIDTH = 100;

/** Parse a claim id: a whole number from 1 to 7. */
function parseId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !(CLAIM_IDS as readonly number[]).includes(id)) {
    throw new InputError(
      'unknown-claim',
      `claim: "${text}" is not a claim; use a number from 1 to ${CLAIM_IDS.length}, e.g. armsrace claims 6`,
      'claim',
    );
  }
  return id;
}

/** The demand-model presets of `scenarios/`, read from their files (Richardson presets left out). */
function presetScenarios(): NamedScenario[] {
  return listPresets()
    .map((p) => ({ id: p.name, input: readScenario(p.path).input }))
    .filter((s) => s.input.model !== 'richardson');
}

/** `armsrace claims`: what the data say about the seven press claims. */
export function claimsCommand(globals: () => GlobalOptions): Command {
  return new Command('claims')
    .description(
      'What the data say about seven press claims on NATO and Russia: the answer, its numbers with sources, and how strong the evidence is',
    )
    .argument('[id]', 'one claim, 1–7 (default: all seven)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Claims:
  1 the Hague commitment (5 % by 2035)      5 NATO's build-up and an arms race
  2 allies below 2 % of GDP                 6 Russia's "proportional response"
  3 enlargement near Russia's borders       7 deterrence against escalation
  4 the security dilemma

Examples:
  armsrace claims                 all seven, as text
  armsrace claims 6               Russia's fitted threat elasticity against 1
  armsrace claims 2 --format json the counts behind claim 2, for machines

Strength says how firmly the evidence settles the question (docs/claims.md gives the rules).`,
    )
    .action(async (idText: string | undefined, flags: ClaimsFlags) => {
      const id = parseId(idText);
      const dataset = await datasetFor(globals());
      const options = { scenarios: presetScenarios() };
      const evidence = id === undefined ? claimsEvidence(dataset, options) : [claimEvidence(id, dataset, options)];
      if (flags.format === 'json') return print(JSON.stringify(id === undefined ? evidence : evidence[0], null, 2));
      print(evidence.map(formatClaim).join('\n\n'));
    });
}

/** Break a paragraph into lines of at most `width` characters, each prefixed with `indent`. */
function wrap(text: string, indent = '', width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

/** A number with the precision its size warrants. */
function value(n: ClaimNumber): string {
  const v = n.value;
  if (Number.isInteger(v)) return n.unit === 'year' ? String(v) : grouped(v);
  const a = Math.abs(v);
  return a >= 100 ? grouped(v, 0) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function formatClaim(c: ClaimEvidence): string {
  return [
    `Claim ${c.id}: ${c.statement}`,
    wrap(`Question: ${c.question}`, '  '),
    '',
    wrap(c.answer, '  '),
    '',
    `  Evidence: ${c.strength.toUpperCase()}, claim ${c.verdict}`,
    wrap(c.strengthReason, '    '),
    '',
    formatTable(
      [
        { header: 'number', cell: (n: ClaimNumber) => n.label },
        { header: 'value', align: 'right', cell: value },
        { header: 'unit', cell: (n: ClaimNumber) => n.unit },
        { header: 'source', cell: (n: ClaimNumber) => `${n.source}${n.edition ? `, edition ${n.edition}` : ''}` },
      ],
      c.numbers,
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
    '',
    `  Chart: ${c.chart.title} (${c.chart.yLabel}). Source: ${c.chart.source}`,
    ...c.caveats.map((x) => wrap(`- ${x}`, '  ')),
  ].join('\n');
}
