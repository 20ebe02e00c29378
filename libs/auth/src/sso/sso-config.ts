import { readSettings, type Env } from '@liaison/platform';

/** Settings of single sign-on, from the platform's configuration schema. */
export interface SsoConfig {
  /** `http://` issuers allowed: under the development setting, or SSO_ALLOW_HTTP. */
  allowHttp: boolean;
  /** Give-up time of each call to an identity provider. */
  timeoutMs: number;
  /** The api's and the console's public origin: the redirect address is built on it. */
  publicUrl: string;
}

export const SSO_CONFIG = Symbol('SSO_CONFIG');

export function loadSsoConfig(env?: Env): SsoConfig {
  const settings = readSettings(['general', 'sso', 'email'], env);
  return {
    allowHttp: settings.LIAISON_DEVELOPMENT || settings.SSO_ALLOW_HTTP,
    timeoutMs: settings.SSO_TIMEOUT_MS,
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
  };
}
