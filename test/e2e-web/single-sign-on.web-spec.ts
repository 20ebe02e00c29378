import { en } from '../../apps/web/src/i18n/en';
import { startOpenIdProvider, type LocalOpenIdProvider } from '../e2e/support/openid-provider';
import { DEMO } from './support/arrange';
import { expectNoSeriousAxeViolations, screenshot, signIn, startWebStack, type WebStack } from './support';

/**
 * Single sign-on in Chromium: the agency ADMIN connects a real OpenID provider (oidc-provider, local) on the
 * settings page, and an officer signs in with the button on the sign-in page, through the provider's own login and
 * consent pages, back to their inbox. Both pages axe-clean, with screenshots.
 */
describe('single sign-on in the web console', () => {
  let stack: WebStack;
  let provider: LocalOpenIdProvider;
  let agency: { id: string; name: string };
  const clientSecret = 'a-client-secret-of-the-browser-test';

  beforeAll(async () => {
    stack = await startWebStack({ env: { SSO_ALLOW_HTTP: '1' } });
    const me = await stack.client.get<{ agency: { id: string; name: string } }>(DEMO.inAdmin, '/me');
    agency = me.agency;
    provider = await startOpenIdProvider([
      {
        client_id: 'liaison',
        client_secret: clientSecret,
        redirect_uris: [`${stack.baseUrl}/v1/auth/sso/${agency.id}/callback`],
      },
    ]);
    await provider.addAccounts({ 'in-officer': { email: DEMO.inOfficer, email_verified: true } });
  }, 240_000);

  afterAll(async () => {
    await provider?.close();
    await stack?.close();
  }, 60_000);

  it('lets the agency ADMIN connect the provider on the settings page (axe-clean, screenshot)', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, DEMO.inAdmin);
    await page.goto('/admin?tab=sso');
    await page.getByTestId('sso-redirect-uri').waitFor();
    expect(await page.getByTestId('sso-redirect-uri').textContent()).toBe(
      `${stack.baseUrl}/v1/auth/sso/${agency.id}/callback`,
    );
    await page.getByLabel(new RegExp(`^${en.admin.sso.issuer.replace(/[()]/g, '\\$&')}`)).fill(provider.issuer);
    await page.getByLabel(new RegExp(`^${en.admin.sso.clientId}`)).fill('liaison');
    await page.getByLabel(new RegExp(`^${en.admin.sso.clientSecret}`)).fill(clientSecret);
    await page.getByLabel(new RegExp(`^${en.admin.sso.acceptedAmr}`)).fill('mfa, otp');
    await page.getByRole('button', { name: en.admin.sso.save }).click();
    await page.getByText(en.admin.sso.saved).waitFor();
    await expectNoSeriousAxeViolations(page, 'admin-sso');
    await screenshot(page, 'admin-sso');
    await page.close();
  }, 90_000);

  it('signs an officer in through the provider from the sign-in page (axe-clean, screenshot)', async () => {
    const page = await stack.browser.newPage();
    await page.goto('/sign-in');
    const button = page.getByRole('button', { name: en.sso.start.replace('{agency}', agency.name) });
    await button.waitFor();
    await expectNoSeriousAxeViolations(page, 'sign-in-sso');
    await screenshot(page, 'sign-in-sso');

    await button.click();
    await page.getByLabel('Account').fill('in-officer');
    await page.getByRole('button', { name: 'Log in at the provider' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByTestId('who-am-i').waitFor({ state: 'visible' });
    expect(await page.evaluate('window.location.hash')).toBe('');
    await page.close();
  }, 90_000);

  it('says why when the provider’s user has no Liaison account', async () => {
    await provider.addAccounts({ stranger: { email: 'nobody@in-cbi.example' } });
    const page = await stack.browser.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: en.sso.start.replace('{agency}', agency.name) }).click();
    await page.getByLabel('Account').fill('stranger');
    await page.getByRole('button', { name: 'Log in at the provider' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByText(en.sso.failures.unknown_user).waitFor();
    await expectNoSeriousAxeViolations(page, 'sso-refused');
    await page.close();
  }, 90_000);
});
