import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { expectState, textbox } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';

/**
 * An extradition refused with grounds, in the browser: the requested side's supervisor first sends the refusal
 * without a ground, and the console shows the server's reason; with a ground checked from the workflow's list the
 * refusal is accepted. Before that, the person sought is shown in clear with the notice that the read is recorded.
 */
describe('extradition refused with grounds in the console', () => {
  let stack: WebStack;
  let requestId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const [nepal] = await client.get<{ id: string }[]>('officer@in-cbi.example', '/agencies?country=NP');
    const filed = await client.post<{ id: string }>('officer@in-cbi.example', '/requests', {
      kind: 'extradition',
      requestedAgencyId: nepal.id,
      legalBasis: 'untoc',
      urgency: 'normal',
      language: 'en',
      handlingCode: 'H1',
      title: 'Surrender of a recruiter',
      content: {
        requestingAuthority: 'Central Bureau of Investigation, AHTU',
        subjectMatter: 'Trafficking in persons for forced labour',
        proceedingsNature: 'Prosecution',
        conductingAuthority: 'Special Judge, CBI Court, New Delhi',
        summaryOfFacts: 'The person sought ran a recruitment network across the border.',
        assistanceSought: 'Surrender of the person sought for trial.',
        purpose: 'Trial for trafficking in persons.',
        warrantOrJudgmentReference: 'Arrest warrant 112/2026, Special Judge CBI, New Delhi',
        offenceLegalText: 'Indian Penal Code s. 370 (trafficking of persons)',
        penalty: 'Rigorous imprisonment of 7 to 10 years and a fine',
      },
    });
    requestId = filed.id;
    await client.post('officer@in-cbi.example', `/requests/${requestId}/persons`, {
      role: 'suspect',
      gender: 'male',
      nationality: 'NP',
      identity: { names: ['Ram Bahadur Example'], dateOfBirth: '1980-02-01' },
    });
    const send = (email: string, event: string, payload: object = {}) =>
      client.post(email, `/requests/${requestId}/transitions`, { event, payload });
    await send('officer@in-cbi.example', 'submit');
    await send('supervisor@in-cbi.example', 'approve');
    await send('officer@np-police.example', 'acknowledge');
    await send('officer@np-police.example', 'refer_to_court');
    await send('officer@np-police.example', 'record_court_decision', {
      decision: 'extraditable',
      reasons: 'The conditions of the treaty are met.',
    });
  }, 240_000);
  afterAll(() => stack?.close());

  it('shows the refusal without grounds refused by the server, then refuses with a ground', async () => {
    const page: Page = await stack.browser.newPage();
    await signIn(page, 'supervisor@np-police.example');
    await page.goto(`/requests/${requestId}`);
    await expectState(page, 'Executive decision');

    const persons = page.getByRole('region', { name: en.detail.persons });
    await persons.getByRole('button', { name: en.detail.personsShow }).click();
    await persons.getByText('Ram Bahadur Example').waitFor();
    await persons.getByText(en.detail.personsRecorded).waitFor();

    await page
      .getByRole('region', { name: en.detail.actions })
      .getByRole('button', { name: 'Refuse', exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Refuse' });
    await textbox(dialog, 'Written reasons').fill('The person sought is a national of Nepal.');
    await dialog.getByRole('checkbox', { name: /Consultation of the requesting side beforehand/ }).check();
    // Refusing ends the request: the form asks for confirmation first, then checks itself before sending.
    const send = dialog.getByRole('button', { name: en.detail.send.replace('{event}', 'Refuse') });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: en.detail.destructiveConfirm.replace('{event}', 'refuse') }).check();
    await send.click();
    await dialog.getByTestId('form-incomplete').waitFor();
    // the one missing answer says what is wrong rather than repeating its label
    await dialog.getByText(en.detail.payload.required).waitFor();
    expect(await dialog.getByText(en.detail.payload.required).count()).toBe(1);
    await dialog.getByText(en.detail.notGrounds).waitFor();
    await screenshot(page, 'extradition-refusal-refused');
    await expectNoSeriousAxeViolations(page, 'request detail: refusal form');
    await expectState(page, 'Executive decision');

    await dialog.getByRole('checkbox', { name: /The offence is not punishable under the law of both States/ }).check();
    await send.click();
    await dialog.waitFor({ state: 'hidden' });
    await expectState(page, 'Refused');
    await page
      .getByRole('region', { name: en.detail.history })
      .getByText('Refuse: Executive decision → Refused')
      .waitFor();
    await page.getByRole('region', { name: en.detail.actions }).getByText(en.detail.actionsEmpty).waitFor();
  }, 120_000);
});
