import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { DEMO } from './support/arrange';
import { expectNoSeriousAxeViolations, labelled, screenshot, signIn, startWebStack, type WebStack } from './support';
import { accountLinkPathIn } from './support/mail-folder';

const SLOW = 90_000;
const EMAIL = 'anjali.karki@np-police.example';
const FIRST = 'prayer flags above the river';
const SECOND = 'monsoon clouds over the terai';
const THIRD = 'tea gardens of the eastern hills';

/** Passwords the user owns, in the console: invitation, change, forgotten password, an administrator's reset. */
describe('passwords in the web console', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack();
  }, 240_000);

  afterAll(() => stack?.close(), 60_000);

  /**
   * The invited user has no exemption from the second factor: the first sign-in enrols an authenticator app (its
   * secret read off the page, as a phone would scan it), the later ones give its code, each from a time step not
   * used before.
   */
  let secret = '';
  let lastStep = 0;
  const nextCode = async () => {
    let step = Math.floor(Date.now() / 30_000);
    if (step <= lastStep) {
      await new Promise((resolve) => setTimeout(resolve, (lastStep + 1) * 30_000 - Date.now() + 50));
      step = lastStep + 1;
    }
    lastStep = step;
    return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
  };
  const signInWithSecondFactor = async (page: Page, password: string) => {
    await page.goto('/sign-in');
    await page.getByLabel(labelled(en.signIn.email)).fill(EMAIL);
    await page.getByLabel(labelled(en.signIn.password)).fill(password);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    const enrolment = page.getByRole('heading', { name: en.enrolment.title });
    await enrolment.or(page.getByRole('heading', { name: en.secondFactor.title })).waitFor();
    if (await enrolment.isVisible()) {
      secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
      await page.getByLabel(labelled(en.enrolment.code)).fill(await nextCode());
      await page.getByRole('button', { name: en.enrolment.submit }).click();
      await page.getByRole('button', { name: en.enrolment.continue }).click();
    } else {
      await page.getByLabel(labelled(en.secondFactor.code)).fill(await nextCode());
      await page.getByRole('button', { name: en.secondFactor.submit }).click();
    }
    await page.getByTestId('who-am-i').waitFor({ state: 'visible' });
  };

  const choosePassword = async (page: Page, password: string) => {
    await page.getByLabel(labelled(en.passwords.newPassword)).fill(password);
    await page.getByLabel(labelled(en.passwords.confirm)).fill(password);
    await page.getByRole('button', { name: en.passwords.link.submit }).click();
  };

  it(
    'invites a user, who chooses the first password on the page of the link, once only',
    async () => {
      const admin = await stack.browser.newPage();
      await signIn(admin, DEMO.npAdmin);
      await admin.goto('/admin');
      await admin.getByLabel(labelled(en.admin.users.email)).fill(EMAIL);
      await admin.getByLabel(labelled(en.admin.users.displayName)).fill('Anjali Karki');
      await admin.getByRole('button', { name: en.admin.users.create }).click();
      await admin.getByRole('status').getByText(`User ${EMAIL} created: the invitation is on its way.`).waitFor();

      const path = await accountLinkPathIn(stack.mailDir, EMAIL, 'account.invitation');
      const page = await stack.browser.newPage();
      await page.goto(path);
      await page.getByRole('heading', { name: en.passwords.link.invitationTitle }).waitFor();
      expect(new URL(page.url()).hash).toBe(''); // the token leaves the address bar once read
      await expectNoSeriousAxeViolations(page, 'account-invitation');
      await screenshot(page, 'account-invitation');

      // the rules the console knows (length, name), then the list only the server holds
      await choosePassword(page, 'karki forever and ever');
      await page.getByText(en.passwords.refusal.contains_name).waitFor();
      await choosePassword(page, '1qaz2wsx3edc');
      await page
        .getByText(/common or breached/)
        .first()
        .waitFor();
      await expectNoSeriousAxeViolations(page, 'account-invitation (refused)');
      await choosePassword(page, FIRST);
      await page.getByText(en.signIn.passwordSet).waitFor();
      await signInWithSecondFactor(page, FIRST);

      const again = await stack.browser.newPage();
      await again.goto(path);
      await again.getByText(en.passwords.link.unusable).waitFor();
      await expectNoSeriousAxeViolations(again, 'account-link-unusable');
    },
    SLOW,
  );

  it(
    'changes the password from the console, the current one required',
    async () => {
      const page = await stack.browser.newPage();
      await signInWithSecondFactor(page, FIRST);
      await page.getByRole('link', { name: en.nav.account }).click();
      await page.getByRole('link', { name: en.account.changePassword }).click();
      await page.getByRole('heading', { name: en.passwords.change.title }).waitFor();
      await expectNoSeriousAxeViolations(page, 'account-password');
      await screenshot(page, 'account-password');
      await page.getByLabel(labelled(en.passwords.change.current)).fill('not my password at all');
      await page.getByLabel(labelled(en.passwords.newPassword)).fill(SECOND);
      await page.getByLabel(labelled(en.passwords.confirm)).fill(SECOND);
      await page.getByRole('button', { name: en.passwords.change.submit }).click();
      await page.getByText('currentPassword is not your current password').first().waitFor();
      await page.getByLabel(labelled(en.passwords.change.current)).fill(FIRST);
      await page.getByRole('button', { name: en.passwords.change.submit }).click();
      await page.getByText(en.passwords.change.done).waitFor();
    },
    SLOW,
  );

  it(
    'sends a reset link from "forgot your password?", the same answer for an unknown address',
    async () => {
      const page = await stack.browser.newPage();
      await page.goto('/sign-in');
      await page.getByRole('link', { name: en.signIn.forgot }).click();
      await page.getByRole('heading', { name: en.passwords.forgot.title }).waitFor();
      await expectNoSeriousAxeViolations(page, 'forgot-password');
      await screenshot(page, 'forgot-password');
      await page.getByLabel(labelled(en.passwords.forgot.email)).fill(EMAIL);
      await page.getByRole('button', { name: en.passwords.forgot.submit }).click();
      const answer = await page.getByRole('status').innerText();
      expect(answer).toContain('a link to choose a new password is on its way');

      const path = await accountLinkPathIn(stack.mailDir, EMAIL, 'account.reset');
      await page.goto(path);
      await page.getByRole('heading', { name: en.passwords.link.resetTitle }).waitFor();
      await expectNoSeriousAxeViolations(page, 'account-reset');
      await choosePassword(page, THIRD);
      await page.getByText(en.signIn.passwordSet).waitFor();
      await signInWithSecondFactor(page, THIRD);

      const unknown = await stack.browser.newPage();
      await unknown.goto('/forgot-password');
      await unknown.getByLabel(labelled(en.passwords.forgot.email)).fill('nobody.here@np-police.example');
      await unknown.getByRole('button', { name: en.passwords.forgot.submit }).click();
      expect(await unknown.getByRole('status').innerText()).toBe(answer);
    },
    SLOW,
  );

  it(
    "forces a change after an administrator's reset: the old password stops at once",
    async () => {
      const admin = await stack.browser.newPage();
      await signIn(admin, DEMO.npAdmin);
      await admin.goto('/admin');
      await admin.getByRole('button', { name: 'Reset password of Anjali Karki' }).click();
      await admin.getByRole('dialog').getByText(en.admin.users.resetConfirmText).waitFor();
      await expectNoSeriousAxeViolations(admin, 'admin (reset password dialog)');
      await admin.getByRole('dialog').getByRole('button', { name: en.admin.users.resetConfirm }).click();
      await admin
        .getByRole('status')
        .getByText(/is reset: a link to choose a new one is on its way/)
        .waitFor();

      const refused = await fetch(`${stack.baseUrl}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: THIRD }),
      });
      expect(refused.status).toBe(401);

      const path = await accountLinkPathIn(stack.mailDir, EMAIL, 'account.admin_reset');
      const page = await stack.browser.newPage();
      await page.goto(path);
      await page.getByRole('heading', { name: en.passwords.link.adminResetTitle }).waitFor();
      await expectNoSeriousAxeViolations(page, 'account-forced-change');
      await screenshot(page, 'account-forced-change');
      await choosePassword(page, FIRST);
      await page.getByText(en.signIn.passwordSet).waitFor();
      await signInWithSecondFactor(page, FIRST);
    },
    SLOW,
  );
});
