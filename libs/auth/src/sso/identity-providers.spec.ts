import { IdentityProviders, IssuerRefused } from './identity-providers';
import { loadSsoConfig } from './sso-config';

const providers = (env: Record<string, string>) => new IdentityProviders(loadSsoConfig(env));

describe('which issuers single sign-on talks to', () => {
  it('takes only https issuers outside the allowances, refusing before any request', async () => {
    const strict = providers({});
    expect(() => strict.assertIssuerScheme('https://login.police.example/realms/staff')).not.toThrow();
    expect(() => strict.assertIssuerScheme('http://login.police.example')).toThrow(IssuerRefused);
    expect(() => strict.assertIssuerScheme('ftp://login.police.example')).toThrow(IssuerRefused);
    await expect(
      strict.discover({ agencyId: 'a', issuer: 'http://127.0.0.1:9/', clientId: 'c', clientSecret: 's' }),
    ).rejects.toThrow('issuer must use https');
  });

  it('takes http issuers with SSO_ALLOW_HTTP or under the development setting', () => {
    expect(() => providers({ SSO_ALLOW_HTTP: '1' }).assertIssuerScheme('http://127.0.0.1:8080')).not.toThrow();
    expect(() => providers({ LIAISON_DEVELOPMENT: '1' }).assertIssuerScheme('http://127.0.0.1:8080')).not.toThrow();
  });

  it('builds the redirect address and the console on PUBLIC_URL', () => {
    const built = providers({ PUBLIC_URL: 'https://liaison.gov.example/' });
    expect(built.callbackUrl('agency-1')).toBe('https://liaison.gov.example/v1/auth/sso/agency-1/callback');
    expect(built.consoleUrl()).toBe('https://liaison.gov.example');
  });
});
