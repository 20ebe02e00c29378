import type { Page } from 'playwright-core';
import { eventually } from '@liaison/testing';
import { en } from '../../apps/web/src/i18n/en';
import { DEMO, taskForceFollowing, transmittedMla, type Filed } from './support/arrange';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';

interface ConsolePage {
  /** The screenshot's name: `test/e2e-web/screenshots/<name>.png`. */
  name: string;
  /** Who signs in to see it (the role the page is for); null: signed out. */
  as: string | null;
  path: () => string;
  /** What to do once the page has settled, before the check (open what the page is about). */
  then?: (page: Page) => Promise<void>;
}

/**
 * Every page of the console, as the role it is for, with data on it: no serious or critical axe-core violation,
 * and a screenshot at 1366×768 (three of them are in docs/ and the README).
 */
describe('every page of the web console is accessible', () => {
  let stack: WebStack;
  let request: Filed;
  let taskForceId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    request = await transmittedMla(stack.client, 'Bank records of a recruitment agency');
    taskForceId = await taskForceFollowing(stack.client, 'JTF Raxaul corridor', [request.id]);
    await eventually(
      async () => {
        const inbox = await stack.client.get<{ items: unknown[] }>(DEMO.npOfficer, '/inbox');
        expect(inbox.items.length).toBeGreaterThan(0);
      },
      60_000,
      250,
    );
  }, 240_000);

  afterAll(() => stack?.close(), 60_000);

  const PAGES: ConsolePage[] = [
    { name: 'sign-in', as: null, path: () => '/sign-in' },
    { name: 'my-work-officer', as: DEMO.npOfficer, path: () => '/work' },
    { name: 'inbox', as: DEMO.npOfficer, path: () => '/inbox' },
    { name: 'requests', as: DEMO.inOfficer, path: () => '/requests' },
    { name: 'new-request', as: DEMO.inOfficer, path: () => '/requests/new' },
    { name: 'request-detail', as: DEMO.inOfficer, path: () => `/requests/${request.id}` },
    { name: 'board', as: DEMO.inSupervisor, path: () => `/board?taskForce=${taskForceId}` },
    {
      name: 'audit',
      as: DEMO.inAuditor,
      path: () => `/audit?reference=${request.reference}`,
      then: async (page) => {
        await page.getByRole('button', { name: en.audit.verify }).click();
        await page.getByTestId('verification-result').waitFor();
      },
    },
    { name: 'statistics', as: DEMO.inSupervisor, path: () => '/statistics' },
    { name: 'admin', as: DEMO.inAdmin, path: () => '/admin' },
    { name: 'account', as: DEMO.inOfficer, path: () => '/account' },
  ];

  it.each(PAGES.map((page) => [page.name, page] as const))(
    '%s: no serious or critical axe violation, screenshot at 1366×768',
    async (_name, consolePage) => {
      const page = await stack.browser.newPage();
      if (consolePage.as) await signIn(page, consolePage.as);
      await page.goto(consolePage.path());
      await settled(page);
      await consolePage.then?.(page);
      await settled(page);
      await expectNoSeriousAxeViolations(page, consolePage.name);
      await screenshot(page, consolePage.name);
    },
    90_000,
  );
});

/** The page's heading is shown, its data has arrived and no spinner is left. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'hidden' });
}
