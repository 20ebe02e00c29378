import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWPORT } from './browser';

/** Git-ignored; three of them are copied into docs/ for the README. */
export const SCREENSHOTS = resolve(__dirname, '..', 'screenshots');

/**
 * The visible part of the page at 1366×768 (or `width`×768), as `test/e2e-web/screenshots/<name>.png`; with
 * `fullPage`, the whole page. Returns the path.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { width?: number; fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ ...VIEWPORT, width: options.width ?? VIEWPORT.width });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', fullPage: options.fullPage === true });
  return path;
}
