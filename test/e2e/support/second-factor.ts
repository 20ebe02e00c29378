import * as OTPAuth from 'otpauth';
import { TEST_PASSWORD } from '@liaison/testing';
import type { ApiHarness } from './api-harness';

const PERIOD_MS = 30_000;

/** The code an authenticator app shows for `secret`, `steps` periods of 30 s from now. */
export function totpCode(secret: string, steps = 0): string {
  return totpAt(secret, Math.floor(Date.now() / PERIOD_MS) + steps);
}

function totpAt(secret: string, step: number): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: step * PERIOD_MS });
}

/**
 * Fresh codes one after another: a code (its time step) works once, and the server takes the steps from one before
 * to one after its now. The client's now is never later than the server's, so codes of the step now and the next are
 * safe, and the third code within a period waits for the next period.
 */
export function codeSource(secret: string): () => Promise<string> {
  let last = -Infinity;
  return async () => {
    let now = Math.floor(Date.now() / PERIOD_MS);
    while (Math.max(last + 1, now) > now + 1) {
      await new Promise((wait) => setTimeout(wait, (now + 1) * PERIOD_MS - Date.now() + 50));
      now = Math.floor(Date.now() / PERIOD_MS);
    }
    last = Math.max(last + 1, now);
    return totpAt(secret, last);
  };
}

export interface Enrolled {
  secret: string;
  /** The next unused code (the enrolment used the first). */
  nextCode: () => Promise<string>;
  accessToken: string;
  refreshToken: string;
  recoveryCodes: string[];
}

/** Signs a user without a second factor in and enrols an authenticator app, as the console does. */
export async function enrolTotp(api: ApiHarness, email: string, password = TEST_PASSWORD): Promise<Enrolled> {
  const login = await api.http().post('/v1/auth/login').send({ email, password }).expect(200);
  if (login.body.challenge !== 'enrol')
    throw new Error(`expected an enrolment challenge, got ${JSON.stringify(login.body)}`);
  const { challengeToken } = login.body as { challengeToken: string };
  const begun = await api.http().post('/v1/auth/enrolment/totp').send({ challengeToken }).expect(200);
  const secret = begun.body.secret as string;
  const nextCode = codeSource(secret);
  const confirmed = await api
    .http()
    .post('/v1/auth/enrolment/totp/confirm')
    .send({ challengeToken, code: await nextCode() })
    .expect(200);
  return { secret, nextCode, ...(confirmed.body as Omit<Enrolled, 'secret' | 'nextCode'>) };
}

/** Password, then a TOTP code: the session's tokens. */
export async function signInWithTotp(api: ApiHarness, email: string, code: string, password = TEST_PASSWORD) {
  const login = await api.http().post('/v1/auth/login').send({ email, password }).expect(200);
  const response = await api
    .http()
    .post('/v1/auth/second-factor')
    .send({ challengeToken: login.body.challengeToken, method: 'otp', code })
    .expect(200);
  return response.body as { accessToken: string; refreshToken: string };
}
