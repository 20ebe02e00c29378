import { Inject, Injectable } from '@nestjs/common';
import * as openid from 'openid-client';
import { SSO_CONFIG, type SsoConfig } from './sso-config';

/** What it takes to talk to an agency's provider as its client. */
export interface ProviderClient {
  agencyId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes whenever the settings do: a cached discovery is never used for other settings. */
  version: string;
}

/** Why an issuer cannot be used, in words for the administrator. */
export class IssuerRefused extends Error {}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/**
 * The openid-client configurations of the agencies' providers: discovered once (with a timeout) and kept for an hour
 * per settings version, with the provider's keys cached by openid-client beside them. Only `https://` issuers,
 * unless SSO_ALLOW_HTTP or the development setting says otherwise.
 */
@Injectable()
export class IdentityProviders {
  private readonly cache = new Map<string, { configuration: Promise<openid.Configuration>; until: number }>();

  constructor(@Inject(SSO_CONFIG) private readonly config: SsoConfig) {}

  /** The redirect address the provider must have registered for the agency's client. */
  callbackUrl(agencyId: string): string {
    return `${this.config.publicUrl}/v1/auth/sso/${agencyId}/callback`;
  }

  /** The console the browser returns to (served by the api at its public origin). */
  consoleUrl(): string {
    return this.config.publicUrl;
  }

  assertIssuerScheme(issuer: string): void {
    const { protocol } = new URL(issuer);
    if (protocol === 'https:' || (protocol === 'http:' && this.config.allowHttp)) return;
    throw new IssuerRefused('issuer must use https');
  }

  /** Discovers the provider afresh, for settings being saved; throws IssuerRefused saying why it cannot be used. */
  async discover(client: Omit<ProviderClient, 'version'>): Promise<openid.Configuration> {
    this.assertIssuerScheme(client.issuer);
    try {
      const configuration = await openid.discovery(
        new URL(client.issuer),
        client.clientId,
        undefined,
        openid.ClientSecretBasic(client.clientSecret),
        {
          // the ID token's signature is checked against the provider's keys, as well as its issuer, audience and times
          execute: [
            openid.enableNonRepudiationChecks,
            ...(this.config.allowHttp ? [openid.allowInsecureRequests] : []),
          ],
          timeout: this.config.timeoutMs / 1000,
        },
      );
      configuration.timeout = this.config.timeoutMs / 1000;
      return configuration;
    } catch (error) {
      throw new IssuerRefused(`the issuer's discovery document could not be used: ${describe(error)}`);
    }
  }

  configuration(client: ProviderClient): Promise<openid.Configuration> {
    const key = `${client.agencyId}|${client.version}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.configuration;
    for (const other of this.cache.keys()) if (other.startsWith(`${client.agencyId}|`)) this.cache.delete(other);
    const configuration = this.discover(client);
    this.cache.set(key, { configuration, until: Date.now() + DISCOVERY_TTL_MS });
    configuration.catch(() => this.cache.delete(key)); // the next sign-in tries again
    return configuration;
  }
}

/** The innermost reason: a timeout, a network error's code (ECONNREFUSED, ENOTFOUND...), or the message. */
function describe(error: unknown): string {
  // duck-typed: errors of Node's own fetch may come from another realm (as under jest)
  const chain: Error[] = [];
  for (let at = error; isError(at) && chain.length < 5; at = at.cause) chain.push(at);
  if (chain.some((link) => link.name === 'TimeoutError' || link.name === 'AbortError'))
    return 'it did not answer in time';
  const network = chain.find((link) => 'code' in link && typeof link.code === 'string' && /^E[A-Z]+$/.test(link.code));
  if (network) return `it could not be reached (${(network as NodeJS.ErrnoException).code})`;
  const innermost = chain.at(-1);
  return innermost?.message ?? 'unknown error';
}

function isError(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && 'message' in value;
}
