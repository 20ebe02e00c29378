import type { OutboxEntry } from '../outbox/outbox';

/** An outbox row that tells one user, by e-mail, of a change to their own account. */
export const ACCOUNT_NOTICE_TOPIC = 'account_notice';

export const ACCOUNT_NOTICES = {
  second_factor_reset: {
    subject: 'Your second factor was reset',
    text: [
      'An administrator of your agency has reset the second factor of your Liaison account, and your sessions have ended.',
      'At your next sign-in you will enrol an authenticator app again.',
      'If you did not ask for this, tell your agency administrator at once.',
    ],
  },
} as const;
export type AccountNoticeKind = keyof typeof ACCOUNT_NOTICES;

/** The row to write with the change, in its transaction: ids and the notice's kind only. */
export function accountNotice(userId: string, notice: AccountNoticeKind): OutboxEntry {
  return { topic: ACCOUNT_NOTICE_TOPIC, payload: { userId, notice } };
}

export function isAccountNoticeKind(value: unknown): value is AccountNoticeKind {
  return typeof value === 'string' && Object.hasOwn(ACCOUNT_NOTICES, value);
}
