import { describeWorkflow } from '@liaison/domain';
import { en } from '../../apps/web/src/i18n/en';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';
import {
  agencyId,
  DEMO,
  fileExtradition,
  fileMla,
  taskForceFollowing,
  transition,
  transmittedMla,
} from './support/arrange';

/**
 * The board as lanes: one set per kind in workflow order, scrolling sideways rather than wrapping, final states
 * folded with their count; cards with title and counterpart; "on time" only where a clock runs.
 */
describe('the task-force board in lanes', () => {
  let stack: WebStack;
  let taskForceId: string;
  let transmitted: { id: string; reference: string };
  let draft: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const nepal = await agencyId(client, 'NP', 'Nepal Police');
    transmitted = await transmittedMla(client, 'Bank records of a recruitment agency');
    draft = await fileMla(client, DEMO.inOfficer, nepal, 'Phone records of a placement broker');
    const withdrawn = await transmittedMla(client, 'Ledgers no longer needed');
    await transition(client, DEMO.inSupervisor, withdrawn.id, 'withdraw', { reason: 'The case was closed.' });
    const extradition = await fileExtradition(client, DEMO.inOfficer, nepal, 'Surrender of a recruiter');
    taskForceId = await taskForceFollowing(client, 'JTF Raxaul lanes', [
      transmitted.id,
      draft.id,
      withdrawn.id,
      extradition.id,
    ]);
  }, 240_000);
  afterAll(() => stack?.close());

  it('draws a lane set per kind, in workflow order, on one row that scrolls sideways', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, DEMO.inSupervisor);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/board?taskForce=${taskForceId}`);
    const mla = page.locator('[data-testid="board-lanes"][data-kind="mla"]');
    await mla.getByRole('heading', { name: /^Mutual legal assistance: 3 requests/ }).waitFor();
    await page
      .locator('[data-testid="board-lanes"][data-kind="extradition"]')
      .getByRole('heading', { name: 'Extradition: 1 request, 0 overdue' })
      .waitFor();
    expect(await page.locator('[data-testid="board-lanes"][data-kind="repatriation"]').count()).toBe(0);

    const states = await mla
      .getByTestId('board-column')
      .evaluateAll((columns) => columns.map((column) => column.getAttribute('data-state')));
    const order = describeWorkflow('mla').states.map((state) => state.name);
    expect(states).toEqual(order.filter((state) => states.includes(state)));
    expect(states).toEqual(expect.arrayContaining(['draft', 'transmitted', 'received', 'closed', 'withdrawn']));
    expect(states).not.toContain('under_review'); // an internal state shows only when it holds a request

    const tops = await mla
      .getByTestId('board-column')
      .evaluateAll((columns) => columns.map((column) => Math.round(column.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const scroller = mla.getByRole('group', { name: /scrolls sideways/ });
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

    await screenshot(page, 'board-lanes', { width: 1024 });
    await screenshot(page, 'board-lanes-1366');
    await page.setViewportSize({ width: 1024, height: 768 });

    const withdrawnLane = mla.locator('[data-state="withdrawn"]');
    expect(await withdrawnLane.getAttribute('data-open')).toBe('false');
    expect((await withdrawnLane.getByTestId('board-column-count').textContent())?.startsWith('1')).toBe(true);
    expect(await withdrawnLane.getByRole('link').count()).toBe(0);
    await withdrawnLane.getByRole('button', { name: new RegExp(`^${en.board.unfold}`) }).click();
    await withdrawnLane.getByText('Ledgers no longer needed').waitFor();

    const card = (reference: string) => mla.locator(`[data-testid="board-card"][data-reference="${reference}"]`);
    await card(transmitted.reference).getByText('Bank records of a recruitment agency').waitFor();
    await card(transmitted.reference).getByText('Nepal Police, Anti-Human Trafficking Bureau (NP)').waitFor();
    await card(transmitted.reference).getByText(en.board.onTime).waitFor();
    expect(await card(draft.reference).getByText(en.board.onTime).count()).toBe(0);

    await expectNoSeriousAxeViolations(page, 'board in lanes');
  }, 180_000);
});
