import * as OTPAuth from 'otpauth';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import {
  DEMO_PASSWORD,
  expectNoSeriousAxeViolations,
  labelled,
  screenshot,
  startWebStack,
  type WebStack,
} from './support';

const USER = 'officer@mm-dsw.example';

/**
 * The second factor in the browser, for a demo account whose exemption is lifted: enrolment with the QR code's
 * secret and the recovery codes shown once, "my account" with its sessions, a passkey registered and then used to
 * sign in with Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain).
 */
describe('second factor and passkeys in the console', () => {
  let stack: WebStack;
  let origin: string;
  let page: Page;
  let secret = '';

  beforeAll(async () => {
    stack = await startWebStack();
    origin = stack.baseUrl.replace('127.0.0.1', 'localhost'); // a passkey needs a host name
    const owner = new Client({ connectionString: stack.environment.ownerDatabaseUrl });
    await owner.connect();
    await owner.query('update app_user set second_factor_exempt = false where email = $1', [USER]);
    await owner.end();
    page = await stack.browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  }, 240_000);

  afterAll(() => stack?.close(), 60_000);

  const password = async () => {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel(labelled(en.signIn.email)).fill(USER);
    await page.getByLabel(labelled(en.signIn.password)).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
  };
  const code = (steps = 0) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
      timestamp: Date.now() + steps * 30_000,
    });

  it('leads a user without a second factor to enrolment: QR code, first code, recovery codes shown once', async () => {
    await password();
    await page.getByRole('heading', { name: en.enrolment.title }).waitFor();
    await page.getByRole('img', { name: en.enrolment.qrAlt }).waitFor();
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousAxeViolations(page, 'enrolment');
    await screenshot(page, 'enrolment');

    await page.getByLabel(labelled(en.enrolment.code)).fill(code());
    await page.getByRole('button', { name: en.enrolment.submit }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expectNoSeriousAxeViolations(page, 'recovery codes');
    await screenshot(page, 'recovery-codes');
    await page.getByRole('button', { name: en.enrolment.continue }).click();
    await page.getByTestId('who-am-i').waitFor();
  }, 120_000);

  it('shows my sessions and registers a passkey with the virtual authenticator', async () => {
    await page.goto(`${origin}/account`);
    await page.getByRole('heading', { level: 1, name: en.account.title }).waitFor();
    await page.getByTestId('my-sessions').getByText(en.account.thisSession).waitFor();
    await page.getByLabel(en.account.passkeyName).fill('Virtual authenticator');
    await page.getByRole('button', { name: en.account.addPasskey }).click();
    await page.getByRole('listitem').filter({ hasText: 'Virtual authenticator' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'my account');
    await screenshot(page, 'account');
  }, 120_000);

  it('signs in with the password and the passkey', async () => {
    await page.getByRole('button', { name: en.shell.signOut }).click();
    await page.waitForURL(/signedOut=1/);
    await password();
    await page.getByRole('heading', { name: en.secondFactor.title }).waitFor();
    await expectNoSeriousAxeViolations(page, 'second factor');
    await screenshot(page, 'second-factor');
    await page.getByRole('button', { name: en.secondFactor.usePasskey }).click();
    await page.getByTestId('who-am-i').waitFor();
    await page.goto(`${origin}/account`);
    const current = page.getByTestId('my-sessions').getByRole('row').filter({ hasText: en.account.thisSession });
    await current.getByText('pwd + passkey').waitFor();
  }, 120_000);

  it('refuses a wrong code at sign-in and accepts the authenticator app too', async () => {
    await page.getByRole('button', { name: en.shell.signOut }).click();
    await page.waitForURL(/signedOut=1/);
    await password();
    await page.getByLabel(labelled(en.secondFactor.code)).fill('000000');
    await page.getByRole('button', { name: en.secondFactor.submit }).click();
    await page.getByRole('alert').getByText(en.secondFactor.wrong).waitFor();
    await page.getByLabel(labelled(en.secondFactor.code)).fill(code(1));
    await page.getByRole('button', { name: en.secondFactor.submit }).click();
    await page.getByTestId('who-am-i').waitFor();
  }, 120_000);
});
