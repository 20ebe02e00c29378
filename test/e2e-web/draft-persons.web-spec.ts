import type { Locator, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { choose, textbox } from './console-steps';
import { agencyId, DEMO, fileExtradition, type Filed } from './support/arrange';
import { expectNoSeriousAxeViolations, signIn, startWebStack, type WebStack } from './support';

interface PersonView {
  id: string;
  role: string;
  nationality: string | null;
  identity: { names?: string[] } | null;
}

const ORIGINAL_TITLE = 'Surrender of a recruiter wanted in Delhi';
const UNSAVED_TITLE = 'Surrender of a recruiter wanted in Delhi (typed, not saved)';
const strings = en.newRequest.persons;
const personLabel = (template: string) => template.replace('{n}', '1').replace('{role}', strings.roles.victim);

/**
 * On a saved draft an officer adds a person, edits and removes it, all in place: each change reaches the API, the
 * list follows it, and what she typed above without saving (the title) stays in its field, unsaved, until she saves.
 */
describe('persons of a draft, added, edited and removed in the console', () => {
  let stack: WebStack;
  let draft: Filed;
  let page: Page;
  let persons: Locator;

  beforeAll(async () => {
    stack = await startWebStack();
    const nepal = await agencyId(stack.client, 'NP', 'Nepal Police');
    draft = await fileExtradition(stack.client, DEMO.inOfficer, nepal, ORIGINAL_TITLE);
    page = await stack.browser.newPage();
    await signIn(page, DEMO.inOfficer);
    await page.goto(`/requests/${draft.id}/edit`);
    await page.getByRole('heading', { level: 1, name: `${en.newRequest.title} ${draft.reference}` }).waitFor();
    persons = page.getByRole('group', { name: strings.title, exact: true });
  }, 240_000);
  afterAll(() => stack?.close());

  const personsInApi = async (): Promise<PersonView[]> =>
    (await stack.client.get<{ items: PersonView[] }>(DEMO.inOfficer, `/requests/${draft.id}/persons`)).items;
  const storedTitle = async (): Promise<string> =>
    (await stack.client.get<{ title: string }>(DEMO.inOfficer, `/requests/${draft.id}`)).title;
  const expectUnsavedTitleKept = async (): Promise<void> => {
    expect(await textbox(page, en.newRequest.titleField).inputValue()).toBe(UNSAVED_TITLE);
    expect(page.url()).toMatch(new RegExp(`/requests/${draft.id}/edit$`));
    expect(await storedTitle()).toBe(ORIGINAL_TITLE);
  };
  const row = () =>
    persons.getByRole('table', { name: en.detail.persons }).getByRole('row').filter({ hasText: 'Asha Example' });

  it('adds a victim without losing the unsaved title', async () => {
    await textbox(page, en.newRequest.titleField).fill(UNSAVED_TITLE);
    const add = persons.getByRole('form', { name: strings.add });
    await choose(page, strings.role, strings.roles.victim);
    await textbox(add, strings.names).fill('Asha Example');
    await textbox(add, strings.nationality).fill('np');
    await add.getByRole('button', { name: strings.add }).click();

    await row().getByRole('cell', { name: 'NP', exact: true }).waitFor({ timeout: 15_000 });
    const [added, ...others] = await personsInApi();
    expect(others).toEqual([]);
    expect(added).toMatchObject({ role: 'victim', nationality: 'NP', identity: { names: ['Asha Example'] } });
    await expectUnsavedTitleKept();
    expect(await textbox(add, strings.names).inputValue()).toBe('');
    await expectNoSeriousAxeViolations(page, 'draft with a person');
  }, 120_000);

  it('edits the person: the new nationality reaches the API, the identity is kept', async () => {
    await row()
      .getByRole('button', { name: personLabel(strings.editLabel) })
      .click();
    const dialog = page.getByRole('dialog', { name: personLabel(strings.editTitle) });
    await dialog.waitFor();
    expect(await textbox(dialog, strings.names).inputValue()).toBe('Asha Example');
    await expectNoSeriousAxeViolations(page, 'edit a person');
    await textbox(dialog, strings.nationality).fill('MM');
    await dialog.getByRole('button', { name: strings.save }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row().getByRole('cell', { name: 'MM', exact: true }).waitFor();
    const [edited, ...others] = await personsInApi();
    expect(others).toEqual([]);
    expect(edited).toMatchObject({ role: 'victim', nationality: 'MM', identity: { names: ['Asha Example'] } });
    await expectUnsavedTitleKept();
  }, 120_000);

  it('removes the person after a confirmation', async () => {
    await row()
      .getByRole('button', { name: personLabel(strings.removeLabel) })
      .click();
    const confirmation = page.getByRole('dialog', { name: personLabel(strings.removeTitle) });
    await confirmation.getByText(strings.removeConfirmText).waitFor();
    await expectNoSeriousAxeViolations(page, 'remove a person');
    await confirmation.getByRole('button', { name: strings.removeConfirm }).click();
    await confirmation.waitFor({ state: 'hidden' });

    await persons.getByText(strings.none).waitFor();
    expect(await personsInApi()).toEqual([]);
    await expectUnsavedTitleKept();
  }, 120_000);

  it('saves the title typed before the person changes (against the version they left)', async () => {
    await page.getByRole('button', { name: en.newRequest.saveChanges }).click();
    await page
      .getByRole('status')
      .filter({ hasText: en.newRequest.saved.replace('{reference}', draft.reference) })
      .waitFor();
    expect(await storedTitle()).toBe(UNSAVED_TITLE);
  }, 60_000);
});
