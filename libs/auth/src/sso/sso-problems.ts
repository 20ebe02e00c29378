import { fieldError, ProblemException } from '@liaison/platform';

/** The problem types of single sign-on, by the last segment of their `type` URI (`…/problems/<type>`). */
export const SSO_PROBLEMS = {
  passwordSignInOff: 'password-sign-in-off',
  identityProviderUnreachable: 'identity-provider-unreachable',
  ssoCodeInvalid: 'sso-code-invalid',
  ssoNotProven: 'sso-not-proven',
} as const;

/** 403: the agency signs its users in through its identity provider only. */
export const passwordSignInOff = () =>
  new ProblemException(
    403,
    SSO_PROBLEMS.passwordSignInOff,
    'Your agency signs in through its identity provider (single sign-on): password sign-in is switched off.',
    { hint: 'Use “Sign in with your agency’s identity provider” (GET /v1/auth/sso/{agencyId}/start).' },
  );

/** 422: the issuer's discovery document could not be read, or does not describe an OpenID provider. */
export const identityProviderUnreachable = (detail: string) =>
  new ProblemException(422, SSO_PROBLEMS.identityProviderUnreachable, detail, {
    errors: [fieldError(['issuer'], detail)],
  });

/** 401: the code is unknown, used already or expired. */
export const ssoCodeInvalid = () =>
  new ProblemException(
    401,
    SSO_PROBLEMS.ssoCodeInvalid,
    'The single sign-on code is invalid, used already or expired. Sign in again.',
  );

/** 422: password sign-in stays on until someone has signed in through these settings. */
export const ssoNotProven = () =>
  new ProblemException(
    422,
    SSO_PROBLEMS.ssoNotProven,
    'Password sign-in can be switched off once a user of the agency has signed in through the identity provider with these settings.',
    {
      errors: [fieldError(['passwordSignIn'], 'sign in through the identity provider once first')],
    },
  );
