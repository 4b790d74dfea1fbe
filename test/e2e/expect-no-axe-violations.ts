// One accessibility check for every browser test: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the
// page as it stands. A failure names the page and each rule, with the first offending elements, so the
// report says what to fix without opening a screenshot.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The axe tags of WCAG 2.2 level AA: every A and AA success criterion of 2.0, 2.1 and 2.2. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/** Runs axe on the page and throws, naming `pageName` and every violated rule, when anything fails. */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_AA_TAGS]).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const where = violation.nodes
      .slice(0, 3)
      .map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ').trim() ?? ''}`)
      .join('\n');
    return `  ${violation.id} (${violation.impact ?? 'n/a'}, ${violation.nodes.length} element${violation.nodes.length === 1 ? '' : 's'}): ${violation.help}\n${where}`;
  });
  throw new Error(`axe: ${results.violations.length} WCAG A/AA rule${results.violations.length === 1 ? '' : 's'} violated on ${pageName} (${page.url()}):\n${lines.join('\n')}`);
}
