/**
 * axe-core for the end-to-end tests: one rule set (WCAG 2.2 AA and best practices) for the
 * reader pages and the newsroom app, run inside the page, with a report a person can act on.
 *
 * axe's source is injected as a script, which both faces' Content-Security-Policy forbids, so
 * the pages axe checks must come from a context that bypasses CSP.
 */
import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const AXE_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
};

// The project compiles without the DOM library: the page's globals are reached through this.
interface AxeWindow {
  axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  document: unknown;
}

/** Runs axe on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate((options) => {
    const window = globalThis as unknown as AxeWindow;
    return window.axe.run(window.document, options);
  }, AXE_OPTIONS);
}

/** One line per violation: rule, impact, help, and where (the first few elements). */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
        )
        .join('\n');
      const more =
        violation.nodes.length > 3 ? `\n      ... and ${violation.nodes.length - 3} more` : '';
      return `  [${violation.id}] (${violation.impact ?? 'n/a'}) ${violation.help}\n      ${violation.helpUrl}\n${where}${more}`;
    })
    .join('\n');
}

/**
 * Fails with the readable report unless axe finds nothing on the page. `where` names the page
 * in the message. axe must also have really checked contrast (some text passed): a page that
 * rendered nothing would otherwise pass.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await runAxe(page);
  expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
  expect(
    results.violations,
    `axe found ${results.violations.length} violation(s) on ${where}:\n${describeViolations(results.violations)}`,
  ).toEqual([]);
}
