import { ProblemException } from '@liaison/platform';

/** The problem types of sign-in, second factors and sessions, by the last segment of their `type` URI. */
export const AUTH_PROBLEMS = {
  stepUpRequired: 'step-up-required',
  invalidChallenge: 'invalid-second-factor-challenge',
  invalidSecondFactor: 'invalid-second-factor',
  noSecondFactor: 'no-second-factor',
} as const;

/** 403: the action needs the second factor checked within the last five minutes. */
export const stepUpRequired = () =>
  new ProblemException(403, AUTH_PROBLEMS.stepUpRequired, 'This action needs your second factor again', {
    hint: 'POST /v1/auth/step-up with a code from your authenticator (or a passkey), then repeat the call.',
  });

/** 401: the challenge of a sign-in is unknown, expired, spent or of another purpose. */
export const invalidChallenge = () =>
  new ProblemException(
    401,
    AUTH_PROBLEMS.invalidChallenge,
    'The sign-in challenge is invalid, expired or already used. Sign in again.',
  );

/** 401: a wrong, reused or expired code (or passkey answer). */
export const invalidSecondFactor = () =>
  new ProblemException(401, AUTH_PROBLEMS.invalidSecondFactor, 'The code is wrong, expired or already used.');

/** 409: the user has no second factor of this kind to check. */
export const noSecondFactor = (kind: string) =>
  new ProblemException(409, AUTH_PROBLEMS.noSecondFactor, `No ${kind} is enrolled for this account.`);
