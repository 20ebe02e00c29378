import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { waitVisibleWithReload } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';
import { agencyId, DEMO, fileMla, transition, type Filed } from './support/arrange';

/**
 * The supervisor's worklist: requests waiting on her role, with deadlines, most urgent first; the inbox says what
 * is expected of her ("You must approve…"), apart from information, grouped per request, with the unread count
 * in the navigation and a "mark all read".
 */
describe('my work and the inbox', () => {
  let stack: WebStack;
  let waiting: Filed[];

  beforeAll(async () => {
    stack = await startWebStack();
    const nepal = await agencyId(stack.client, 'NP', 'Nepal Police');
    waiting = [];
    for (const title of ['Bank records of a recruitment agency', 'Phone records of a placement broker']) {
      const draft = await fileMla(stack.client, DEMO.inOfficer, nepal, title);
      waiting.push(await transition(stack.client, DEMO.inOfficer, draft.id, 'submit'));
    }
  }, 240_000);
  afterAll(() => stack?.close());

  const pageAs = async (email: string, path: string): Promise<Page> => {
    const page = await stack.browser.newPage();
    await signIn(page, email);
    await page.goto(path);
    return page;
  };

  it('lists what waits on the supervisor, with what she must do', async () => {
    const page = await pageAs(DEMO.inSupervisor, '/work');
    await page.getByRole('heading', { level: 1, name: en.work.title }).waitFor();
    const table = page.getByTestId('work-table');
    for (const request of waiting) {
      const row = table.locator(`[data-request="${request.id}"]`);
      await row.getByRole('link', { name: request.reference }).waitFor();
      await row.getByText('As a supervisor: approve or return for amendment').waitFor();
      await row.getByText('Nepal Police, Anti-Human Trafficking Bureau (NP)').waitFor();
    }
    await screenshot(page, 'my-work', { width: 1024 });
    await screenshot(page, 'my-work-1366');
    await expectNoSeriousAxeViolations(page, 'my work');

    const officer = await pageAs(DEMO.npOfficer, '/work');
    await officer.getByText(en.work.empty).waitFor();
  }, 120_000);

  it('sets the notices that ask something of her apart, says what, and marks them all read', async () => {
    const page = await pageAs(DEMO.inSupervisor, '/inbox');
    const actions = page.getByRole('list', { name: en.inbox.actionTitle });
    const card = actions.getByRole('listitem').filter({ hasText: waiting[0].reference }).first();
    await waitVisibleWithReload(page, card);
    await card.getByText('Bank records of a recruitment agency', { exact: true }).first().waitFor();
    await card.getByTestId('inbox-expected').getByText('You must approve or return for amendment.').waitFor();
    expect(await card.textContent()).not.toMatch(/event:|version \d/);
    const nav = page.getByRole('navigation', { name: en.nav.label });
    await nav.getByTestId('nav-unread').waitFor();
    await screenshot(page, 'inbox-actions', { width: 1024 });
    await screenshot(page, 'inbox-actions-1366');
    await expectNoSeriousAxeViolations(page, 'inbox with action items');

    await page.getByRole('button', { name: en.inbox.markAllRead }).click();
    await page.getByText(en.inbox.unreadCount.replace('{count}', '0')).waitFor();
    await nav.getByTestId('nav-unread').waitFor({ state: 'detached' });
  }, 120_000);
});
