import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now and fails, naming each rule and element, if any violation is serious or
 * critical (minor and moderate ones are reported by axe but do not fail the test).
 */
export async function expectNoSeriousAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (!blocking.length) return;
  const lines = blocking.flatMap((violation) => [
    `- ${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}`,
    ...violation.nodes
      .slice(0, 5)
      .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`),
  ]);
  throw new Error(`axe-core found serious or critical violations on the ${name} page:\n${lines.join('\n')}`);
}
