import type { Page } from 'playwright-core';
import { en } from '../../../apps/web/src/i18n/en';
import { DEMO_PASSWORD } from './web-stack';

/** A field by the start of its label (Mantine appends a hidden-from-readers "*" to required ones). */
export const labelled = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Signs in through the console's own sign-in page and waits for the shell's "signed in as". */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(labelled(en.signIn.email)).fill(email);
  await page.getByLabel(labelled(en.signIn.password)).fill(password);
  await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
  await page.getByTestId('who-am-i').waitFor({ state: 'visible' });
}
