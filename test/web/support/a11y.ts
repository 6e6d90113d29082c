import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** axe-core's own script, injected into the page (the package's `axe.source`, read from its file). */
const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
const REPORT = resolve(__dirname, '..', '..', 'output', 'a11y.json');
/** WCAG 2.1 A and AA */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; summary: string }>;
}

const seen: Record<string, A11yViolation[]> = {};

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is and fails on any serious or critical
 * violation, naming the rule and the elements; minor and moderate ones are written to
 * test/output/a11y.json for a person to read. Called by `shoot`, so every screen the browser tests
 * look at is checked.
 */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  // evaluated by the test's DevTools connection, which the page's Content-Security-Policy (no inline
  // script) does not govern; a <script> tag added to the page would be refused, as it should be
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const run = () => page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  }, TAGS);
  let violations = await run();
  // colour contrast measured in a passing state (a focus ring, a hover, a transition) is looked at once
  // more a second later: a real failure stays, a moment does not
  if (violations.some((v) => v.id === 'color-contrast' && (v.impact === 'serious' || v.impact === 'critical'))) {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1000);
    violations = await run();
  }
  seen[screen] = violations;
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, JSON.stringify(seen, null, 2));
  // A11Y_REPORT_ONLY=1: write every screen's findings and go on (to survey a whole run), fail nothing
  if (process.env.A11Y_REPORT_ONLY) return;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = blocking.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.length} × ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
  expect({ screen, violations: described }).toEqual({ screen, violations: [] });
}
