import type { Request } from 'express';
import * as openid from 'openid-client';
import { Strategy, type AuthenticateOptions, type VerifyFunction } from 'openid-client/passport';

/** What the strategy keeps between the redirect to the provider and its answer (openid-client's state data). */
export interface AuthorizationState {
  code_verifier: string;
  state?: string;
  nonce?: string;
  max_age?: number;
}

/** Where the strategy keeps it: `req.session[SESSION_KEY]`, filled from and saved to Redis by SsoFlows. */
export const SESSION_KEY = 'liaison-sso';

/**
 * openid-client's passport strategy for the authorization code flow with PKCE, which also sends and checks `state`
 * and `nonce` every time (the stock strategy leaves them out when the provider supports PKCE).
 */
export class SsoStrategy extends Strategy {
  constructor(configuration: openid.Configuration, callbackUrl: string, verify: VerifyFunction) {
    super({ config: configuration, callbackURL: callbackUrl, scope: 'openid email', sessionKey: SESSION_KEY }, verify);
  }

  override authorizationRequestParams(req: Request, options: AuthenticateOptions): URLSearchParams {
    const params = super.authorizationRequestParams(req, options) as URLSearchParams;
    params.set('state', openid.randomState());
    params.set('nonce', openid.randomNonce());
    return params;
  }
}

/** How a run of the strategy ended; passport's own middleware would answer the response itself. */
export type StrategyOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown }
  | { kind: 'fail'; info: unknown }
  | { kind: 'error'; error: unknown };

/**
 * Runs the strategy on a request as passport's `authenticate` does (a fresh object whose success, fail, redirect and
 * error end the run), but hands the outcome back: the flow's state must reach Redis before the redirect is answered.
 */
export function runStrategy(strategy: SsoStrategy, req: Request): Promise<StrategyOutcome> {
  return new Promise((resolve) => {
    const run = Object.create(strategy) as SsoStrategy & PassportActions;
    run.redirect = (url: string) => resolve({ kind: 'redirect', url });
    run.success = (user: unknown) => resolve({ kind: 'success', user });
    run.fail = (info: unknown) => resolve({ kind: 'fail', info });
    run.error = (error: unknown) => resolve({ kind: 'error', error });
    run.pass = () => resolve({ kind: 'fail', info: { message: 'passed' } });
    run.authenticate(req, {});
  });
}

interface PassportActions {
  redirect(url: string): void;
  success(user: unknown): void;
  fail(info: unknown): void;
  error(error: unknown): void;
  pass(): void;
}
