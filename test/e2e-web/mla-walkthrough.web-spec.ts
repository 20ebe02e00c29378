import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { actAndExpect, choose, expectState, requestIdFromUrl, textbox, waitVisibleWithReload } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';

/**
 * An MLA request walked through the console in a real browser: an officer of the CBI (India) files it to the
 * Nepal Police, first without its purpose (the console names what is missing in the words of UNTOC Art. 18(15)),
 * then complete; her supervisor approves it; a Nepal Police officer finds it in the inbox and acknowledges it; the
 * task force's board shows it move; an auditor verifies the trail.
 */
describe('MLA walk-through in the console', () => {
  let stack: WebStack;
  let requestId: string;
  let reference: string;
  let taskForceId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const taskForce = await client.post<{ id: string }>('supervisor@in-cbi.example', '/task-forces', {
      name: 'JTF Raxaul corridor',
      description: 'Labour trafficking across the India–Nepal border',
    });
    taskForceId = taskForce.id;
    for (const email of ['officer@in-cbi.example', 'officer@np-police.example']) {
      const me = await client.get<{ id: string }>(email, '/me');
      await client.post('supervisor@in-cbi.example', `/task-forces/${taskForceId}/members`, { userId: me.id });
    }
  }, 240_000);
  afterAll(() => stack?.close());

  const pageAs = async (email: string): Promise<Page> => {
    const page = await stack.browser.newPage();
    await signIn(page, email);
    return page;
  };

  it('an officer files an MLA: told what is missing, then completes and submits it', async () => {
    const page = await pageAs('officer@in-cbi.example');
    await expectNoSeriousAxeViolations(page, 'inbox (empty)');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.newRequest }).click();
    await page.getByRole('heading', { level: 1, name: en.newRequest.title }).waitFor();

    await choose(page, en.newRequest.requestedAgency, /Nepal Police/);
    await textbox(page, en.newRequest.titleField).fill('Bank records of a recruitment agency');
    const fields = en.newRequest.fields;
    await textbox(page, fields.requestingAuthority).fill('Central Bureau of Investigation, AHTU');
    await textbox(page, fields.subjectMatter).fill('Trafficking in persons for forced labour');
    await textbox(page, fields.proceedingsNature).fill('Criminal investigation');
    await textbox(page, fields.conductingAuthority).fill('Special Judge, CBI Court, New Delhi');
    await textbox(page, fields.summaryOfFacts).fill('Recruitment fees paid into two accounts in Kathmandu.');
    await textbox(page, fields.assistanceSought).fill('Certified copies of the bank records of two accounts.');
    await textbox(page, fields.personsNotIdentifiedReason).fill('Account holders to be identified from the records.');
    await page.getByLabel('Providing originals or certified copies of relevant documents and records').check();

    // The purpose is left out: the console says so, live, in the words of UNTOC Art. 18(15)(f).
    const missing = page.getByRole('region', { name: en.newRequest.missingTitle });
    await missing.getByText('The purpose for which the evidence, information or action is sought').waitFor();
    expect(await missing.getByRole('listitem').count()).toBe(1);
    await screenshot(page, 'new-request');
    await expectNoSeriousAxeViolations(page, 'new request');

    await page.getByRole('button', { name: en.newRequest.saveDraft }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/edit$/);
    requestId = requestIdFromUrl(page);

    // "Submit for approval" stays disabled while the request is incomplete, and says why.
    const submit = page.getByRole('button', { name: en.newRequest.submit });
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.getAttribute('aria-describedby')).toBe('submit-blocked');

    await textbox(page, fields.purpose).fill('Trace the proceeds of the recruitment fees.');
    await missing.getByText(en.newRequest.missingNone).waitFor();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await expectState(page, 'Under review');
    reference = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(reference).toMatch(/^MLA-\d{4}-\d{6}$/);
  }, 180_000);

  it('her supervisor approves it', async () => {
    const page = await pageAs('supervisor@in-cbi.example');
    await page.goto(`/requests/${requestId}`);
    await expectState(page, 'Under review');
    await actAndExpect(page, 'Approve', 'Transmitted');
    await stack.client.post('supervisor@in-cbi.example', `/task-forces/${taskForceId}/requests`, { requestId });
  }, 120_000);

  it('the Nepal Police officer finds it in the inbox and acknowledges it; the task force board shows it move', async () => {
    // The filer's board is open before the acknowledgement and is not reloaded: it polls.
    const board = await pageAs('officer@in-cbi.example');
    await board.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.board }).click();
    const column = (state: string) => board.getByRole('region', { name: state, exact: true });
    await column('Transmitted').getByRole('link', { name: reference }).waitFor();

    const page = await pageAs('officer@np-police.example');
    // The notice is an action item: the request now waits on her, and the inbox says what she must do.
    const inbox = page.getByRole('list', { name: en.inbox.actionTitle });
    const notice = inbox.getByRole('listitem').filter({ hasText: reference });
    await waitVisibleWithReload(page, notice);
    await notice.first().getByText('You must acknowledge.').first().waitFor();
    await screenshot(page, 'inbox');
    await expectNoSeriousAxeViolations(page, 'inbox');

    await notice
      .first()
      .getByRole('link', { name: new RegExp(en.inbox.openRequest) })
      .click();
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await expectState(page, 'Transmitted');
    await screenshot(page, 'request-detail');
    await expectNoSeriousAxeViolations(page, 'request detail');
    await actAndExpect(page, 'Acknowledge', 'Received');
    await page
      .getByRole('region', { name: en.detail.history })
      .getByText('Acknowledge: Transmitted → Received')
      .waitFor();

    await column('Received').getByRole('link', { name: reference }).waitFor({ timeout: 30_000 });
    expect(await column('Transmitted').getByRole('link', { name: reference }).count()).toBe(0);

    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.requests }).click();
    await page.getByRole('link', { name: reference }).waitFor();
    await screenshot(page, 'requests');
    await expectNoSeriousAxeViolations(page, 'requests');
  }, 180_000);

  it("an auditor of the CBI reads the request's trail and verifies it", async () => {
    const page = await pageAs('auditor@in-cbi.example');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.audit }).click();
    const trail = page.getByRole('region', { name: en.audit.requestTrailTitle });
    await textbox(trail, en.audit.requestReference).fill(reference);
    await trail.getByRole('button', { name: en.audit.showTrail }).click();
    await trail.getByText('request.transition').first().waitFor();

    const verify = page.getByRole('region', { name: en.audit.verifyTitle });
    await verify.getByRole('button', { name: en.audit.verify }).click();
    await page.getByTestId('verification-result').and(page.locator('[data-ok="true"]')).waitFor({ timeout: 60_000 });
  }, 120_000);
});
