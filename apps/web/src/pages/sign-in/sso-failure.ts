import { t, type MessageKey } from '../../i18n/t';

const KNOWN = new Set([
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
  'code_invalid',
]);

/** The sentence for a single sign-on that did not go through, from the reason the api sent back. */
export function describeSsoFailure(reason: string | null): string {
  return t(`sso.failures.${reason && KNOWN.has(reason) ? reason : 'provider_error'}` as MessageKey);
}
