import { en } from '../../apps/web/src/i18n/en';
import { textbox } from './console-steps';
import {
  DEMO_PASSWORD,
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebStack,
  type WebStack,
} from './support';

/** Sign-in and its failures, an expired session, and the error pages, in the browser. */
describe('signing in, sessions and error pages', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_SLOWDOWN_STEP_MS: '0' } });
  }, 240_000);
  afterAll(() => stack?.close());

  const attempt = async (
    page: Awaited<ReturnType<WebStack['browser']['newPage']>>,
    email: string,
    password: string,
  ) => {
    await textbox(page, en.signIn.email).fill(email);
    await page.getByRole('textbox', { name: en.signIn.password }).fill(password);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
  };

  it('says when the password is wrong, then when the sign-in is locked and until when', async () => {
    const page = await stack.browser.newPage();
    await page.goto('/inbox');
    await page.waitForURL(/\/sign-in\?next=/);
    await screenshot(page, 'sign-in');
    await expectNoSeriousAxeViolations(page, 'sign in');

    await attempt(page, 'officer@th-rtp.example', 'not-the-password');
    await page.getByRole('alert').getByText(en.signIn.badCredentials).waitFor();
    for (let failure = 2; failure <= 3; failure += 1) {
      await attempt(page, 'officer@th-rtp.example', 'not-the-password');
      await page
        .getByRole('button', { name: en.signIn.submit, exact: true })
        .and(page.locator(':not([data-loading])'))
        .waitFor();
    }
    // Locked: even the right password is refused, and the console says for how long.
    await attempt(page, 'officer@th-rtp.example', DEMO_PASSWORD);
    await page
      .getByRole('alert')
      .getByText(/Too many failed attempts: this sign-in is locked. Try again in 15 minutes/)
      .waitFor();
  }, 120_000);

  it('goes back to sign-in with a notice when the session can no longer be refreshed, and returns after it', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, 'officer@in-cbi.example');
    await page.goto('/requests?tab=outgoing');
    await page.getByRole('heading', { level: 1, name: en.requests.title }).waitFor();
    // Both tokens revoked or expired: simulated by spoiling them in the tab's session storage.
    await page.evaluate(
      `sessionStorage.setItem('liaison.tokens', JSON.stringify({ accessToken: 'expired', refreshToken: 'spent-refresh-token-000000' }))`,
    );
    await page.reload();
    await page.waitForURL(/\/sign-in\?expired=1/);
    await page.getByRole('status').getByText(en.signIn.expired).waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('liaison.tokens')`)).toBeNull();

    await attempt(page, 'officer@in-cbi.example', DEMO_PASSWORD);
    await page.getByTestId('who-am-i').getByText('Central Bureau of Investigation').waitFor();
    await page.getByTestId('who-am-i').getByRole('listitem').getByText('OFFICER').waitFor();
  }, 120_000);

  it('shows the not-found page for an unknown page and for a request the agency may not see', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, 'officer@in-cbi.example');
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: en.errors.notFoundTitle }).waitFor();
    await screenshot(page, 'error-not-found');
    await expectNoSeriousAxeViolations(page, 'not found');

    await page.goto('/requests/01890000-0000-7000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: en.errors.notFoundTitle }).waitFor();
    await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  }, 120_000);

  it('shows the network-loss banner and page when the server cannot be reached', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, 'officer@in-cbi.example');
    await page.context().setOffline(true);
    await page.evaluate(`window.dispatchEvent(new Event('offline'))`);
    await page.getByRole('alert').getByText(en.errors.offlineBanner).waitFor();
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.requests }).click();
    await page.getByRole('heading', { level: 1, name: en.errors.offlineTitle }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'error-offline');
    await page.context().setOffline(false);
  }, 120_000);
});
