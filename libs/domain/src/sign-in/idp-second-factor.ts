/**
 * Authentication method references (RFC 8176) that never prove a second factor on their own: a password, a PIN or
 * knowledge questions are all something the user knows.
 */
export const SINGLE_FACTOR_AMR = ['pwd', 'pin', 'kba'] as const;

/** Which of its identity provider's claims an agency accepts as the second factor. Empty lists: none. */
export interface IdpSecondFactorPolicy {
  /** `amr` values any one of which counts (RFC 8176: `mfa`, `otp`, `hwk`, `swk`, `fpt`...). */
  readonly acceptedAmr: readonly string[];
  /** `acr` values that count (e.g. the IdP's own name for its multi-factor level). */
  readonly acceptedAcr: readonly string[];
}

/** What the ID token said of how the user authenticated at the identity provider. */
export interface IdpAuthentication {
  readonly amr?: unknown;
  readonly acr?: unknown;
}

/**
 * Whether the identity provider's sign-in stands for Liaison's second factor: only when the agency says so, and only
 * for a value it named. A single-factor `amr` never counts, whatever the agency configured.
 */
export function idpSatisfiesSecondFactor(policy: IdpSecondFactorPolicy, claims: IdpAuthentication): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [];
  const byAmr = amr.some((value) => policy.acceptedAmr.includes(value) && !isSingleFactorAmr(value));
  const byAcr = typeof claims.acr === 'string' && policy.acceptedAcr.includes(claims.acr);
  return byAmr || byAcr;
}

export function isSingleFactorAmr(value: string): boolean {
  return (SINGLE_FACTOR_AMR as readonly string[]).includes(value);
}
