import type { Locator, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';

/**
 * What a user does in the console, by accessible names only (labels, roles and the English catalogue), shared
 * by the walk-through specs. The harness (starting the stack, the browser, axe, screenshots) is in ./support.
 */

/** A text field by its accessible name (a label's required-asterisk is not part of it). */
export function textbox(page: Page | Locator, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/** Picks an option of a Mantine Select by its label and the option's visible text. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const input = page
    .getByRole('textbox', { name: label, exact: true })
    .or(page.getByRole('combobox', { name: label, exact: true }));
  await input.first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The same text as a locator that waits for it to appear, re-loading the page between looks (for async effects). */
export async function waitVisibleWithReload(page: Page, locator: Locator, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await locator.first().isVisible()) return;
    if (Date.now() > deadline) throw new Error(`not visible after ${timeoutMs} ms: ${locator}`);
    await page.waitForTimeout(700);
    await page.reload();
  }
}

/** The state badge of the request detail page, once it shows `state` (humanized, e.g. "Under review"). */
export async function expectState(page: Page, state: string): Promise<void> {
  await page
    .getByTestId('request-state')
    .filter({ hasText: new RegExp(`^${state}$`) })
    .waitFor({ state: 'visible' });
}

/** Clicks an allowed action, fills its form with `fill`, confirms it. */
export async function act(
  page: Page,
  action: string,
  fill: (dialog: Locator) => Promise<void> = async () => undefined,
): Promise<Locator> {
  await page
    .getByRole('region', { name: en.detail.actions })
    .getByRole('button', { name: action, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor({ state: 'visible' });
  await fill(dialog);
  // An event that ends or halts the request asks for confirmation before it can be sent.
  const confirm = dialog.getByRole('checkbox', { name: /^I confirm: / });
  if ((await confirm.count()) > 0) await confirm.check();
  await dialog.getByRole('button', { name: en.detail.send.replace('{event}', action) }).click();
  return dialog;
}

/** Sends an action expected to succeed and waits for the dialog to close and the state to change. */
export async function actAndExpect(
  page: Page,
  action: string,
  state: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  const dialog = await act(page, action, fill);
  await dialog.waitFor({ state: 'hidden' });
  await expectState(page, state);
}

export function requestIdFromUrl(page: Page): string {
  const match = /\/requests\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not on a request page: ${page.url()}`);
  return match[1];
}
