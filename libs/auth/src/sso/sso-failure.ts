import * as openid from 'openid-client';

/** Why a sign-in through the provider was refused: what the console shows and the trail records. */
export const SSO_FAILURES = [
  'not_configured',
  'provider_unreachable',
  'no_attempt',
  'state_mismatch',
  'nonce_mismatch',
  'id_token_expired',
  'id_token_signature',
  'provider_refused',
  'provider_error',
  'email_missing',
  'email_unverified',
  'unknown_user',
  'inactive_user',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** openid-client's (oauth4webapi's) error for a refused answer of the provider, in our words. */
export function failureOf(error: unknown): SsoFailure {
  if (error instanceof openid.AuthorizationResponseError || error instanceof openid.ResponseBodyError) {
    return 'provider_refused';
  }
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message =
    error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : '';
  if (message.includes('"state"')) return 'state_mismatch';
  if (message.includes('"nonce"')) return 'nonce_mismatch';
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'id_token_expired';
  if (message.includes('signature verification failed') || code === 'OAUTH_KEY_SELECTION_FAILED') {
    return 'id_token_signature';
  }
  return 'provider_error';
}
