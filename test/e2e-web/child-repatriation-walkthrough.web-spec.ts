import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { act, actAndExpect, expectState, textbox } from './console-steps';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';

/**
 * A child's repatriation from Thailand to Myanmar is blocked until the best-interests determination is recorded:
 * while it is pending the origin agency is offered no travel documents; the determination sent without its outcome
 * is refused by the server with its reason; recorded in favour of return, travel documents become possible.
 */
describe('child repatriation blocked until the best-interests determination', () => {
  let stack: WebStack;
  let requestId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const [myanmar] = await client.get<{ id: string }[]>('officer@th-rtp.example', '/agencies?country=MM');
    const origin =
      (await client.get<{ id: string; name: string }[]>('officer@th-rtp.example', '/agencies?country=MM')).find(
        (agency) => agency.name === 'Department of Social Welfare',
      ) ?? myanmar;
    const filed = await client.post<{ id: string }>('officer@th-rtp.example', '/requests', {
      kind: 'repatriation',
      requestedAgencyId: origin.id,
      legalBasis: 'palermo-protocol',
      urgency: 'normal',
      language: 'en',
      handlingCode: 'H2',
      title: 'Return of a child found in a garment workshop',
      content: {
        requestingAuthority: 'Royal Thai Police, Anti-Trafficking in Persons Division',
        subjectMatter: 'Trafficking of a child for labour exploitation',
        proceedingsNature: 'Victim protection and criminal investigation',
        conductingAuthority: 'Royal Thai Police, ATPD',
        summaryOfFacts: 'A child was found working in a garment workshop in Mae Sot.',
        assistanceSought: 'Safe return of the child to the family or an alternative care arrangement.',
        purpose: 'Return and reintegration of the child.',
        consentStatus: 'given',
        victimWishesToReturn: true,
        pendingProceedings: { exist: false },
      },
    });
    requestId = filed.id;
    await client.post('officer@th-rtp.example', `/requests/${requestId}/persons`, {
      role: 'victim',
      gender: 'female',
      nationality: 'MM',
      minor: true,
      identity: { names: ['Example Child'] },
    });
    const send = (email: string, event: string, payload: object = {}) =>
      client.post(email, `/requests/${requestId}/transitions`, { event, payload });
    await send('officer@th-rtp.example', 'submit');
    await send('officer@mm-dsw.example', 'acknowledge');
    await send('officer@mm-dsw.example', 'confirm_identity', { basis: 'nationality' });
    await send('officer@th-rtp.example', 'record_assessment', { riskLevel: 'low', needsLevel: 'medium' });
    await send('officer@mm-dsw.example', 'record_family_assessment', {
      guardianAppointed: true,
      familyTracing: 'family_suitable',
    });
  }, 240_000);
  afterAll(() => stack?.close());

  const pageAs = async (email: string): Promise<Page> => {
    const page = await stack.browser.newPage();
    await signIn(page, email);
    await page.goto(`/requests/${requestId}`);
    return page;
  };

  it('offers the origin agency no travel documents while the determination is pending', async () => {
    const page = await pageAs('officer@mm-dsw.example');
    await expectState(page, 'Best interests determination');
    const actions = page.getByRole('region', { name: en.detail.actions });
    await actions.getByText(en.detail.actionsEmpty).waitFor();
    expect(await actions.getByRole('button', { name: 'Issue travel documents' }).count()).toBe(0);
    const diagram = page.getByRole('img', { name: /Repatriation of victims workflow/ });
    await diagram.waitFor();
    expect(await page.locator('[data-current="true"]').getAttribute('data-state')).toBe('best_interests_determination');
    await screenshot(page, 'child-repatriation-blocked');
    await expectNoSeriousAxeViolations(page, 'request detail: repatriation');
  }, 120_000);

  it('records the determination (the form first asks for the outcome), then travel documents follow', async () => {
    const supervisor = await pageAs('supervisor@th-rtp.example');
    await expectState(supervisor, 'Best interests determination');
    const dialog = await act(supervisor, 'Record best interests', async (form) => {
      await textbox(form, 'Written reasons').fill('The family is safe and able to care for the child.');
    });
    // Checked in the form before it is sent: the outcome is required.
    await dialog.getByTestId('form-incomplete').waitFor();
    // the one missing answer says what is wrong rather than repeating its label
    await dialog.getByText(en.detail.payload.required).waitFor();
    expect(await dialog.getByText(en.detail.payload.required).count()).toBe(1);
    await dialog.getByRole('radio', { name: 'Return', exact: true }).check();
    await dialog.getByRole('button', { name: en.detail.send.replace('{event}', 'Record best interests') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectState(supervisor, 'Travel documents');

    const origin = await pageAs('officer@mm-dsw.example');
    await expectState(origin, 'Travel documents');
    await actAndExpect(origin, 'Issue travel documents', 'Consent');
  }, 120_000);
});
