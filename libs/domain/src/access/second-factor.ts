import type { Role } from './role';

/** How a user proved who they are in a session: a password, then a second factor (or a single sign-on). */
export const AUTHENTICATION_METHODS = ['pwd', 'otp', 'recovery', 'passkey', 'sso'] as const;
export type AuthenticationMethod = (typeof AUTHENTICATION_METHODS)[number];

export const SECOND_FACTOR_METHODS: readonly AuthenticationMethod[] = ['otp', 'recovery', 'passkey'];

/** Step-up: the second factor must have been checked this recently before the most sensitive actions. */
export const STEP_UP_WINDOW_SECONDS = 5 * 60;

/**
 * Whoever can read identities (officers), approve or decide (supervisors), administer (admins, platform admins) or
 * audit (auditors) signs in with a second factor: today that is every role.
 */
export function needsSecondFactor(user: { roles: readonly Role[]; platformAdmin: boolean }): boolean {
  return user.platformAdmin || user.roles.length > 0;
}

/** Whether a session's last second factor is recent enough for a step-up action. */
export function steppedUp(secondFactorAt: Date | null, now: Date): boolean {
  return secondFactorAt !== null && now.getTime() - secondFactorAt.getTime() <= STEP_UP_WINDOW_SECONDS * 1000;
}
