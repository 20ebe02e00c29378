import { COMPLETE_MLA_CONTENT } from '../e2e/support/mla-draft';
import { en } from '../../apps/web/src/i18n/en';
import { expectState } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';
import { agencyId, childAtBestInterests, DEMO, transition, type Filed } from './support/arrange';

/**
 * The request page reads as a document: where it stands on the usual course, the content in the order of UNTOC
 * Art. 18(15) (a) to (f), no codes or raw values, times in the viewer's zone with the zone named, and a child
 * victim flagged before anything else.
 */
describe('the request page, readable', () => {
  let stack: WebStack;
  let mla: Filed;
  let child: Filed;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const nepal = await agencyId(client, 'NP', 'Nepal Police');
    mla = await client.post<Filed>(DEMO.inOfficer, '/requests', {
      kind: 'mla',
      requestedAgencyId: nepal,
      legalBasis: 'untoc',
      urgency: 'normal',
      language: 'hi',
      handlingCode: 'H1',
      title: 'Bank records of a recruitment agency',
      content: COMPLETE_MLA_CONTENT,
    });
    await transition(client, DEMO.inOfficer, mla.id, 'submit');
    await transition(client, DEMO.inSupervisor, mla.id, 'approve');
    await transition(client, DEMO.npOfficer, mla.id, 'acknowledge');
    child = await childAtBestInterests(client, 'Return of a child found in a garment workshop');
  }, 240_000);
  afterAll(() => stack?.close());

  const pageIn = async (timezoneId: string, email: string, path: string) => {
    const context = await stack.browser.browser.newContext({
      baseURL: stack.baseUrl,
      viewport: { width: 1366, height: 768 },
      locale: 'en-GB',
      timezoneId,
    });
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(path);
    return page;
  };

  it('shows the usual course with the current step, the content in 18(15) order and no raw value', async () => {
    const page = await pageIn('Asia/Kathmandu', DEMO.npSupervisor, `/requests/${mla.id}`);
    await expectState(page, 'Received');
    const progress = page.getByRole('list', { name: en.detail.progress });
    const steps = await progress
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-step'), item.getAttribute('data-done'), item.ariaCurrent]),
      );
    expect(steps.slice(0, 5)).toEqual([
      ['draft', 'true', null],
      ['under_review', 'true', null],
      ['transmitted', 'true', null],
      ['received', 'false', 'step'],
      ['in_execution', 'false', null],
    ]);

    const labels = await page
      .getByRole('region', { name: en.detail.content })
      .locator('dt')
      .evaluateAll((terms) => terms.map((term) => term.textContent?.slice(0, 3)));
    expect(labels).toEqual(['(a)', '(b)', '(b)', '(b)', '(c)', '(d)', 'Typ', '(e)', '(f)']);
    await page.getByText('Providing originals or certified copies of relevant documents and records').waitFor();
    await page.getByText('Hindi', { exact: true }).waitFor();

    // times in the viewer's zone (Nepal, UTC+5:45), the zone named
    await page
      .getByRole('region', { name: en.detail.history })
      .getByText(/GMT\+5:45/)
      .first()
      .waitFor();
    await screenshot(page, 'request-detail-readable', { width: 1024 });
    await screenshot(page, 'request-detail-readable-1366');

    await transition(stack.client, DEMO.npSupervisor, mla.id, 'accept');
    await transition(stack.client, DEMO.npSupervisor, mla.id, 'postpone', {
      until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      reason: 'A trial in Kathmandu would be disturbed.',
      consulted: true,
    });
    await page.reload();
    await expectState(page, 'Postponed');
    await page.getByTestId('progress-off-course').getByText('Now off the usual course: Postponed').waitFor();
    await page
      .getByRole('region', { name: en.detail.history })
      .getByText(/Consultation of the requesting side beforehand \(UNTOC Art\. 18\(26\)\): Yes/)
      .waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/documents_and_records|\buntoc\b|Consulted: true|: true\b|: false\b/);
    expect(text).not.toMatch(/Language\s+hi\b/);
    await expectNoSeriousAxeViolations(page, 'request detail, readable');
  }, 180_000);

  it('flags a child victim first, and takes the child’s course', async () => {
    const page = await pageIn('Asia/Bangkok', DEMO.thSupervisor, `/requests/${child.id}`);
    await expectState(page, 'Best interests determination');
    await page.getByTestId('child-victim').getByText(en.detail.childVictimTitle).waitFor();
    const progress = page.getByRole('list', { name: en.detail.progress });
    await progress.locator('[data-step="family_tracing"][data-done="true"]').waitFor();
    await progress.locator('[data-step="best_interests_determination"][aria-current="step"]').waitFor();
    await page
      .getByRole('region', { name: en.detail.history })
      .getByText(/GMT\+7/)
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'request detail, child victim');
  }, 120_000);
});
