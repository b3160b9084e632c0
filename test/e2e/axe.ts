/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected into the page under test. */
const AXE = require.resolve('axe-core/axe.min.js');

/** One rule axe-core found broken, with the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly {
    readonly target: readonly unknown[];
    readonly failureSummary?: string;
    readonly html: string;
  }[];
}

/**
 * Run axe-core on the page (or on the elements `include` selects) against WCAG 2.1 A and AA and
 * axe's best practices, and return its violations.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The page's policy allows scripts of its own origin only: axe-core is served as one of them,
    // from the file the package installs, rather than inlined (which the policy would refuse).
    const url = new URL('/__axe-core.min.js', page.url()).href;
    await page.route(url, (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
    await page.addScriptTag({ url });
    await page.unroute(url);
  }
  return page.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(context === undefined ? document : { include: [context] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, include);
}

/** The violations as text a person can act on: the rule, its impact, and each element with what fails. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'} — ${v.helpUrl}\n` +
        v.nodes
          .slice(0, 80)
          .map(
            (n) => `  ${n.target.join(' ')}\n    ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
          )
          .join('\n') +
        (v.nodes.length > 80 ? `\n  … and ${v.nodes.length - 80} more` : ''),
    )
    .join('\n\n');
}
