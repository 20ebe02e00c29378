import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { eventually } from '@liaison/testing';
import { verifyWebhookSignature } from '@liaison/notifications';
import { en } from '../../apps/web/src/i18n/en';
import { startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import {
  agencyId,
  DEMO,
  fileExtradition,
  fileMla,
  taskForceFollowing,
  transition,
  transmittedMla,
} from './support/arrange';
import { expectNoSeriousAxeViolations, labelled, screenshot, signIn, startWebStack, type WebStack } from './support';

const SLOW = 90_000;

/** The board, audit, statistics and admin pages of the console in Chromium, against api + worker processes. */
describe('web console: board, audit, statistics, admin', () => {
  let stack: WebStack;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    [stack, receiver] = await Promise.all([startWebStack(), startWebhookReceiver()]);
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  }, 60_000);

  const pageAs = async (email: string): Promise<Page> => {
    const page = await stack.browser.newPage();
    await signIn(page, email);
    return page;
  };

  it('serves the console at / and its pages by path, and leaves the API alone', async () => {
    for (const path of ['/', '/board', '/requests/new']) {
      const response = await fetch(`${stack.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(await response.text()).toContain('<div id="root">');
    }
    const api = await fetch(`${stack.baseUrl}/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
    const page = await stack.browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/board'); // a deep link, signed out: the console sends it to sign-in
    await page.getByRole('heading', { name: en.signIn.title }).waitFor();
    expect(refused).toEqual([]);
  });

  it(
    'shows a request moving on the task-force board after a transition, without a reload, filtered by agency',
    async () => {
      const request = await transmittedMla(stack.client, 'Bank records followed on the board');
      const taskForceId = await taskForceFollowing(stack.client, 'JTF Raxaul corridor', [request.id]);
      const page = await pageAs(DEMO.inSupervisor);
      await page.goto(`/board?taskForce=${taskForceId}`);
      const card = (state: string) =>
        page.getByRole('region', { name: state, exact: true }).getByRole('link', { name: request.reference });
      await card('Transmitted').waitFor();
      await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));

      await transition(stack.client, DEMO.npOfficer, request.id, 'acknowledge');

      await card('Received').waitFor({ timeout: 20_000 });
      expect(await card('Transmitted').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true); // no reload

      await chooseOption(page, en.board.memberAgency, /^Royal Thai Police/);
      await page.getByText(en.board.empty).waitFor();
      expect(page.url()).toContain('agency=');
      await chooseOption(page, en.board.memberAgency, /^Nepal Police/);
      await card('Received').waitFor();
      await expectNoSeriousAxeViolations(page, 'board (filtered)');

      await tabUntilFocused(page, card('Received')); // keyboard only: Tab to the card, Enter opens the request
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/requests/${request.id}`);
    },
    SLOW,
  );

  it(
    'shows a long column a page at a time: "N of M", "Show more" for the next page, still polled',
    async () => {
      const nepal = await agencyId(stack.client, 'NP', 'Nepal Police');
      const draft = (index: number) => fileMla(stack.client, DEMO.inOfficer, nepal, `Hawala ledger ${index}`);
      const drafts: { id: string; reference: string }[] = [];
      for (let index = 1; index <= 27; index += 1) drafts.push(await draft(index));
      const taskForceId = await taskForceFollowing(
        stack.client,
        'JTF Birgunj ledgers',
        drafts.map((filed) => filed.id),
      );
      const page = await pageAs(DEMO.inSupervisor);
      await page.goto(`/board?taskForce=${taskForceId}`);
      const column = page.getByRole('region', { name: 'Draft', exact: true });
      const count = column.getByTestId('board-column-count');
      const shown = (text: string) =>
        eventually(async () => expect(await count.textContent()).toBe(`${text} ${en.board.requestsInColumn}`), 20_000);
      await shown('25 of 27');
      expect(await column.getByRole('link').count()).toBe(25);
      // most recent activity first: the first two drafts filed are on the next page
      expect(await column.getByRole('link', { name: drafts[0]?.reference }).count()).toBe(0);

      await column.getByRole('button', { name: en.board.showMore }).click();
      await shown('27 of 27');
      await column.getByRole('link', { name: drafts[0]?.reference }).waitFor();
      expect(await column.getByRole('button', { name: en.board.showMore }).count()).toBe(0);
      await expectNoSeriousAxeViolations(page, 'board (a column shown in full)');

      const latest = await draft(28);
      await stack.client.post(DEMO.inSupervisor, `/task-forces/${taskForceId}/requests`, { requestId: latest.id });
      await shown('28 of 28'); // the column's pages are polled too
      await column.getByRole('link', { name: latest.reference }).waitFor();
    },
    SLOW,
  );

  it(
    'verifies the trail on the server and shows the result, the latest checkpoint, a request trail and the export',
    async () => {
      const request = await transmittedMla(stack.client, 'Bank records under audit');
      const latestBefore = await eventually(
        async () => {
          const page = await stack.client.get<{ items: { seq: number }[] }>(
            DEMO.inAuditor,
            '/audit/checkpoints?order=desc&limit=1',
          );
          expect(page.items).toHaveLength(1);
          return page.items[0].seq;
        },
        30_000,
        500,
      );
      const page = await pageAs(DEMO.inAuditor);
      await page.goto('/audit');
      await page.getByRole('button', { name: en.audit.verify }).click();
      const result = page.getByTestId('verification-result');
      await result.waitFor();
      expect(await result.getAttribute('data-ok')).toBe('true');
      const verified = (await result.innerText()).match(/(\d+) entries and (\d+) checkpoints/);
      expect(Number(verified?.[1])).toBeGreaterThan(0);
      expect(Number(verified?.[2])).toBeGreaterThanOrEqual(1);

      const checkpoint = page.getByTestId('latest-checkpoint');
      const shownSeq = Number(await cellOf(checkpoint, en.audit.checkpoint.seq));
      expect(shownSeq).toBeGreaterThanOrEqual(latestBefore);
      const all = await stack.client.get<{ items: { seq: number; rootHash: string; signature: string }[] }>(
        DEMO.inAuditor,
        `/audit/checkpoints?order=desc&limit=200`,
      );
      const signed = all.items.find((item) => item.seq === shownSeq);
      expect(await cellOf(checkpoint, en.audit.checkpoint.rootHash)).toBe(signed?.rootHash);
      expect(await cellOf(checkpoint, en.audit.checkpoint.signature)).toBe(signed?.signature);

      await page.getByLabel(labelled(en.audit.requestReference)).fill(request.reference);
      await page.getByRole('button', { name: en.audit.showTrail }).click();
      const trail = page.getByRole('table', { name: `${en.audit.requestTrailTitle}: ${request.reference}` });
      await trail.getByText('request.transition').first().waitFor();
      expect(await trail.getByRole('row').count()).toBeGreaterThanOrEqual(4); // header, created, submit, approve
      expect(page.url()).toContain(`reference=${request.reference}`);
      await expectNoSeriousAxeViolations(page, 'audit (verified, with a trail)');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: en.audit.export }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('liaison-audit-export.jsonl');
      const lines = readFileSync(await download.path(), 'utf8')
        .trim()
        .split('\n');
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.every((line) => typeof JSON.parse(line) === 'object')).toBe(true);
    },
    SLOW,
  );

  it(
    'draws the statistics and marks the withheld cells',
    async () => {
      const myanmarPolice = await agencyId(stack.client, 'MM', 'Myanmar Police');
      for (let index = 0; index < 7; index += 1) {
        await fileMla(stack.client, DEMO.thOfficer, myanmarPolice, `Recruitment case ${index}`);
      }
      for (let index = 0; index < 2; index += 1) {
        await fileExtradition(stack.client, DEMO.thOfficer, myanmarPolice, `Surrender case ${index}`);
      }
      const page = await pageAs(DEMO.thSupervisor);
      await page.goto('/statistics');
      const byKind = page.getByRole('table', { name: en.statistics.sections.byKind });
      // 7 MLA and 2 extradition: the 2 are withheld, and the 7 with them, or 9 − 7 would give the 2 away.
      for (const kind of [en.kinds.extradition, en.kinds.mla]) {
        const row = byKind.getByRole('row', { name: new RegExp(`^${kind}`) });
        await row.locator('[data-suppressed="true"]').waitFor();
        expect(await row.getByText(/^\d+$/).count()).toBe(0);
      }
      const month = new Date().toISOString().slice(0, 7);
      const byMonth = page.getByRole('table', { name: en.statistics.sections.byMonth });
      expect(await byMonth.getByRole('row', { name: month }).getByRole('cell').innerText()).toBe('9');
      await page.getByTestId('statistics-chart').first().locator('svg').first().waitFor(); // the lazy chart chunk
      await page.getByText(en.statistics.suppressedLegend.replace('{threshold}', '5')).waitFor();
      await expectNoSeriousAxeViolations(page, 'statistics (with a chart)');
    },
    SLOW,
  );

  it(
    'creates a user (invited by e-mail) and changes their roles, and replays a webhook delivery to a partner system',
    async () => {
      const page = await pageAs(DEMO.npAdmin);
      await page.goto('/admin');
      const email = 'new.officer@np-police.example';
      await page.getByLabel(labelled(en.admin.users.email)).fill(email);
      await page.getByLabel(labelled(en.admin.users.displayName)).fill('Sita Example');
      await page.getByRole('button', { name: en.admin.users.create }).click();
      await page.getByRole('status').getByText(`User ${email} created: the invitation is on its way.`).waitFor();
      const users = page.getByTestId('agency-users');
      await users.getByRole('row', { name: new RegExp(email) }).waitFor();

      await page.getByRole('button', { name: 'Change roles of Sita Example' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(en.admin.roleNames.SUPERVISOR).waitFor();
      await expectNoSeriousAxeViolations(page, 'admin (roles dialog)');
      await dialog.getByLabel(en.admin.roleNames.SUPERVISOR).check();
      await dialog.getByRole('button', { name: en.common.save }).click();
      // SUPERVISOR takes a second administrator: saved as pending, the user still an officer only
      await page
        .getByRole('status')
        .getByText(en.admin.users.updatedPending.replace('{name}', 'Sita Example').replace('{roles}', 'SUPERVISOR'))
        .waitFor();
      const nepalPolice = await agencyId(stack.client, 'NP', 'Nepal Police');
      const rolesOfSita = async () =>
        (
          await stack.client.get<{ items: { email: string; roles: string[] }[] }>(
            DEMO.npAdmin,
            `/agencies/${nepalPolice}/users?limit=200`,
          )
        ).items
          .find((user) => user.email === email)
          ?.roles.sort();
      expect(await rolesOfSita()).toEqual(['OFFICER']);
      await page.getByRole('tab', { name: en.admin.tabs.grants }).click();
      await page.getByTestId('role-grants').getByText(en.admin.grants.awaitingOther).waitFor(); // the proposer's own

      const second = 'second.admin@np-police.example'; // the demo's second administrator
      const secondPage = await pageAs(second);
      await secondPage.goto('/admin?tab=grants');
      const confirm = secondPage.getByRole('button', { name: 'Confirm SUPERVISOR for Sita Example' });
      await confirm.waitFor();
      await expectNoSeriousAxeViolations(secondPage, 'admin (pending role grants)');
      await screenshot(secondPage, 'console-role-grants');
      await confirm.click();
      await secondPage
        .getByRole('status')
        .getByText(en.admin.grants.confirmed.replace('{name}', 'Sita Example').replace('{grant}', 'SUPERVISOR'))
        .waitFor();
      await secondPage.getByText(en.admin.grants.empty).waitFor();
      expect(await rolesOfSita()).toEqual(['OFFICER', 'SUPERVISOR']);
      await page.goto('/admin?tab=users'); // the proposer's page reads the users afresh
      await users
        .getByRole('row', { name: new RegExp(email) })
        .getByText('SUPERVISOR')
        .waitFor();

      await page.getByRole('tab', { name: en.admin.tabs.webhooks }).click();
      await page.getByLabel(labelled(en.admin.webhooks.url)).fill(receiver.url);
      await page.getByLabel(labelled(en.admin.webhooks.events)).fill('request.*');
      await page.getByRole('button', { name: en.admin.webhooks.create }).click();
      const secret = await page.getByTestId('webhook-secret').innerText();
      expect(secret).toMatch(/^whsec_/);

      await transmittedMla(stack.client, 'Bank records for the partner system'); // India approves: Nepal is told
      await eventually(() => expect(receiver.received).toHaveLength(1), 30_000);
      const [first] = receiver.received;
      expect(first.json.type).toBe('request.approve');

      await page.getByRole('button', { name: en.admin.webhooks.showDeliveries }).click();
      const row = page.getByTestId('webhook-deliveries').getByRole('row', { name: new RegExp(first.json.id) });
      await row.getByText(en.admin.webhooks.statuses.delivered).waitFor();
      await row.getByRole('button', { name: `Replay delivery ${first.json.id} (request.approve)` }).click();

      await eventually(() => expect(receiver.received).toHaveLength(2), 30_000);
      const replayed = receiver.received[1];
      expect(replayed.headers['liaison-event-id']).toBe(first.headers['liaison-event-id']);
      expect(replayed.body).toBe(first.body);
      expect(verifyWebhookSignature(secret, String(replayed.headers['liaison-signature']), replayed.body)).toBe(true);
      await row.getByTestId('delivery-replays').getByText('1', { exact: true }).waitFor();
      await row.getByText(en.admin.webhooks.statuses.delivered).waitFor();
      await expectNoSeriousAxeViolations(page, 'admin (webhook delivery log)');
    },
    SLOW,
  );

  it(
    'opens the queue dashboard for a platform admin from the admin page',
    async () => {
      const page = await pageAs(DEMO.platformAdmin);
      await page.goto('/admin?tab=queues');
      const [dashboard] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: en.admin.queues.open }).click(),
      ]);
      await dashboard.waitForLoadState();
      await dashboard.getByText('webhooks', { exact: true }).first().waitFor();
      expect(new URL(dashboard.url()).pathname).toMatch(/^\/admin\/queues/);
    },
    SLOW,
  );
});

/** Presses Tab until `target` has the focus (at most 60 times). */
async function tabUntilFocused(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element: { matches(selector: string): boolean }) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

/** Picks an option of a Mantine Select by its label. */
async function chooseOption(page: Page, label: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: labelled(label) }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The value beside a row header of a vertical table. */
function cellOf(table: ReturnType<Page['getByTestId']>, header: string): Promise<string> {
  return table
    .getByRole('row', { name: labelled(header) })
    .getByRole('cell')
    .innerText();
}
