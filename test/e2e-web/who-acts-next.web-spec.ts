import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { expectState, textbox } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';
import {
  agencyId,
  childAtBestInterests,
  DEMO,
  fileExtradition,
  fileMla,
  transition,
  type Filed,
} from './support/arrange';

/**
 * Every request page says who the request waits on (agency, role, action, by when) and what that leaves the
 * viewer: the officer who submitted waits for her supervisor; the requested officer may ask for information but
 * accepting or refusing is her supervisor's; the origin agency of a child waits for the receiving supervisor's
 * best-interests determination. The answer to a request for information shows the question.
 */
describe('who acts next', () => {
  let stack: WebStack;
  let mla: Filed;
  let child: Filed;

  beforeAll(async () => {
    stack = await startWebStack();
    const nepal = await agencyId(stack.client, 'NP', 'Nepal Police');
    mla = await fileMla(stack.client, DEMO.inOfficer, nepal, 'Bank records of a recruitment agency');
    child = await childAtBestInterests(stack.client, 'Return of a child found in a garment workshop');
  }, 240_000);
  afterAll(() => stack?.close());

  const pageAs = async (email: string, path: string): Promise<Page> => {
    const page = await stack.browser.newPage();
    await signIn(page, email);
    await page.goto(path);
    return page;
  };
  const panel = (page: Page) => page.getByRole('region', { name: en.detail.next.title });

  it('after submitting, the officer sees that the request waits for her supervisor’s approval', async () => {
    const page = await pageAs(DEMO.inOfficer, `/requests/${mla.id}/edit`);
    await page.getByRole('button', { name: en.newRequest.submit }).click();
    await expectState(page, 'Under review');
    await panel(page).getByText('Waiting on Central Bureau of Investigation (IN), the requesting side').waitFor();
    await panel(page).getByText('Waiting for your supervisor to approve or return for amendment.').waitFor();
    await expectNoSeriousAxeViolations(page, 'request detail: under review');
  }, 120_000);

  it('the requested officer may ask for information; accepting or refusing is her supervisor’s decision', async () => {
    await transition(stack.client, DEMO.inSupervisor, mla.id, 'approve');
    await transition(stack.client, DEMO.npOfficer, mla.id, 'acknowledge');
    const page = await pageAs(DEMO.npOfficer, `/requests/${mla.id}`);
    await expectState(page, 'Received');
    const next = panel(page);
    await next.getByText('It is for you to request information (the actions below).').waitFor();
    await next.getByText('Accept, forward, postpone or refuse: your supervisor’s decision.').waitFor();
    await next
      .getByTestId('next-due')
      .getByText(/^By .+: The requested agency decides on recognition/)
      .waitFor();
    await screenshot(page, 'who-acts-next-requested-officer', { width: 1024 });
    await screenshot(page, 'who-acts-next-requested-officer-1366');

    const filer = await pageAs(DEMO.inOfficer, `/requests/${mla.id}`);
    await panel(filer)
      .getByText(
        'Nothing for you to do now: a supervisor of Nepal Police, Anti-Human Trafficking Bureau must accept, forward, request information, postpone or refuse first.',
      )
      .waitFor();
  }, 120_000);

  it('the answer to a request for information shows the question', async () => {
    await transition(stack.client, DEMO.npOfficer, mla.id, 'request_information', {
      information: 'Which branch holds the second account?',
    });
    const page = await pageAs(DEMO.inOfficer, `/requests/${mla.id}`);
    await expectState(page, 'Awaiting information');
    const dialog = await openAction(page, 'Provide information');
    await dialog
      .getByTestId('asked-question')
      .getByText(/^Nepal Police, Anti-Human Trafficking Bureau asked \(request information, /)
      .waitFor();
    await dialog.getByText('The information needed: Which branch holds the second account?').waitFor();
    await expectNoSeriousAxeViolations(page, 'provide information dialog');
    await textbox(dialog, 'The information provided').fill('The New Road branch, Kathmandu.');
    await dialog.getByRole('button', { name: en.detail.send.replace('{event}', 'Provide information') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectState(page, 'Received');
  }, 120_000);

  it('the origin agency of a child is told the receiving supervisor must record the best interests first', async () => {
    const page = await pageAs(DEMO.mmOfficer, `/requests/${child.id}`);
    await expectState(page, 'Best interests determination');
    await panel(page)
      .getByText(
        'Nothing for you to do now: a supervisor of Royal Thai Police, Anti-Trafficking in Persons Division must record best interests or choose alternative first.',
      )
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'request detail: child repatriation, origin side');
  }, 120_000);
});

describe('the server’s refusal in plain words', () => {
  let stack: WebStack;
  let extradition: Filed;

  beforeAll(async () => {
    stack = await startWebStack();
    const nepal = await agencyId(stack.client, 'NP', 'Nepal Police');
    extradition = await fileExtradition(stack.client, DEMO.inOfficer, nepal, 'Surrender of a recruiter');
  }, 240_000);
  afterAll(() => stack?.close());

  it('says why at the top of the dialog, the reason code behind the details', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, DEMO.inSupervisor);
    await page.goto(`/requests/${extradition.id}`);
    await expectState(page, 'Draft');
    const dialog = await openAction(page, 'Request provisional arrest');
    await textbox(dialog, 'The arrest warrant or judgment').fill('Arrest warrant 112/2026');
    await dialog.getByRole('button', { name: en.detail.send.replace('{event}', 'Request provisional arrest') }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: en.detail.refusedTitle });
    await refusal.getByTestId('refusal-reason').getByText(en.detail.refusalReasons.NOT_URGENT).waitFor();
    const code = refusal.getByText(en.detail.refusalDetails.replace('{reason}', 'NOT_URGENT'));
    expect(await code.isVisible()).toBe(false);
    await refusal.getByText(en.common.details, { exact: true }).click();
    await code.waitFor();
    await expectNoSeriousAxeViolations(page, 'refused action dialog');
    await expectState(page, 'Draft');
  }, 120_000);
});

async function openAction(page: Page, action: string) {
  await page
    .getByRole('region', { name: en.detail.actions })
    .getByRole('button', { name: action, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}
