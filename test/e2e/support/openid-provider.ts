import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A client of the provider: the api, for one agency. */
export interface ProviderClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/** How the provider spoils the ID tokens it issues from now on. */
export type IdTokenTamper = 'none' | 'expired' | 'foreign-key' | 'other-nonce';

export interface ProviderLogin {
  account: string;
  /** Space-separated `amr` values the provider reports (RFC 8176). */
  amr?: string;
  acr?: string;
}

/** A real OpenID provider (oidc-provider) in a child process, on a local port. */
export interface LocalOpenIdProvider {
  issuer: string;
  addAccounts(accounts: Record<string, { email: string; email_verified?: boolean }>): Promise<void>;
  tamper(how: IdTokenTamper): Promise<void>;
  /**
   * Follows the authorization request as a browser would, logs in and consents at the provider, and answers where it
   * sends the browser back: the client's redirect address with `code`, `state` and `iss`.
   */
  signIn(authorizationUrl: string, login: ProviderLogin): Promise<URL>;
  close(): Promise<void>;
}

export async function startOpenIdProvider(clients: ProviderClient[]): Promise<LocalOpenIdProvider> {
  const child = fork(join(__dirname, 'openid-provider.process.mjs'), [], {
    env: { ...process.env, OIDC_CLIENTS: JSON.stringify(clients) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { issuer: string }) => resolve(message.issuer));
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}`)));
  });
  const control = async (settings: object) => {
    const response = await fetch(`${issuer}/__control`, { method: 'POST', body: JSON.stringify(settings) });
    if (response.status !== 204) throw new Error(`provider control: ${response.status}`);
  };
  return {
    issuer,
    addAccounts: (accounts) => control({ accounts }),
    tamper: (how) => control({ tamper: how }),
    signIn: (authorizationUrl, login) => new ProviderBrowser(issuer).signIn(authorizationUrl, login),
    close: () => stop(child),
  };
}

/** The browser's side at the provider: its cookies, redirects followed by hand. */
class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  async signIn(authorizationUrl: string, login: ProviderLogin): Promise<URL> {
    let location = new URL(authorizationUrl);
    for (let step = 0; step < 12; step += 1) {
      if (location.origin !== this.issuer) return location;
      const interaction = location.pathname.match(/^\/interaction\/([^/]+)$/);
      const response = interaction
        ? await this.interact(location, login)
        : await this.request(location.href, { method: 'GET' });
      const next = response.headers.get('location');
      if (!next) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
      location = new URL(next, location);
    }
    throw new Error('the provider never sent the browser back');
  }

  private async interact(location: URL, login: ProviderLogin): Promise<Response> {
    const { prompt } = (await (await this.request(location.href, { method: 'GET' })).json()) as { prompt: string };
    const form =
      prompt === 'login'
        ? new URLSearchParams({ account: login.account, amr: login.amr ?? '', acr: login.acr ?? '' })
        : new URLSearchParams();
    return this.request(`${location.href}/${prompt === 'login' ? 'login' : 'consent'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (value.join('=')) this.cookies.set(name.trim(), value.join('='));
      else this.cookies.delete(name.trim()); // cleared by the provider
    }
    return response;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
