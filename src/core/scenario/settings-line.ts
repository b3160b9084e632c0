import type { ResolvedScenario } from '../model/parameters.js';
import { DEFAULTS } from './defaults.js';

/** A number as a scenario file would write it: at most two decimals, no trailing zeros. */
const tidy = (v: number) => String(Number(v.toFixed(2)));

/**
 * Return the scenario's main settings in one short line: the allies' highest pledge and its due
 * year with their compliance, Russia's threat elasticity, and when the war ends. A setting the
 * scenario lacks (no pledge, no Russia, no war term) is left out. The source note of every chart
 * carries it (charts/source-note.ts), so the command line's files and the page's agree.
 *
 * @param result The simulated run (anything with its resolved scenario).
 * @example scenarioSettingsLine(simulate(parseScenario('pledges: [{ target: 3.5%, by: 2035 }]'), loadDataset())) // "pledge 3.5 % of GDP by 2035, compliance 0.8; Russia's threat elasticity 1.06; war goes on"
 */
export function scenarioSettingsLine(result: { readonly scenario: ResolvedScenario }): string {
  const { scenario } = result;
  const allies = scenario.actors.filter((a) => a.joinsNato < scenario.end);
  const parts: string[] = [];
  let pledge: { readonly targetShare: number; readonly by: number } | undefined;
  for (const a of allies)
    for (const p of a.pledges) if (pledge === undefined || p.targetShare > pledge.targetShare) pledge = p;
  if (pledge === undefined) parts.push('no pledge');
  else {
    const given = scenario.input.compliance ?? {};
    const fallback = given.default ?? DEFAULTS.compliance;
    const own = Object.keys(given).filter((k) => k !== 'default' && allies.some((a) => a.iso3 === k)).length;
    const compliance =
      `compliance ${typeof fallback === 'number' ? tidy(fallback) : fallback}` +
      (own === 0 ? '' : ` (${own} ${own === 1 ? 'ally' : 'allies'} set apart)`);
    parts.push(`pledge ${Number((pledge.targetShare * 100).toPrecision(6))} % of GDP by ${pledge.by}, ${compliance}`);
  }
  const russia = scenario.actors.find((a) => a.iso3 === 'RUS');
  if (russia !== undefined) {
    parts.push(`Russia's threat elasticity ${russia.elasticity.toFixed(2)}`);
    if (russia.war.extraShare > 0)
      parts.push(russia.war.until === null ? 'war goes on' : `war ends ${russia.war.until}`);
  }
  return parts.join('; ');
}
