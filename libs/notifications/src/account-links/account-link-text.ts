import type { AccountLinkPurpose } from '@liaison/data';

/** What an account link's e-mail says (English: the account may not have chosen its language yet). */
export function accountLinkText(
  purpose: AccountLinkPurpose,
  who: { displayName: string; agencyName: string },
  link: string,
  expiresAt: Date,
): { subject: string; text: string } {
  const until = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const lines: Record<AccountLinkPurpose, { subject: string; why: string }> = {
    invitation: {
      subject: 'Your Liaison account',
      why: `An administrator of ${who.agencyName} has created a Liaison account for you. Choose your password here:`,
    },
    reset: {
      subject: 'Reset your Liaison password',
      why: 'Someone, probably you, asked to reset the password of your Liaison account. Choose a new one here:',
    },
    admin_reset: {
      subject: 'Your Liaison password was reset',
      why: `An administrator of ${who.agencyName} has reset your password: it no longer works, and every session has ended. Choose a new one here:`,
    },
  };
  const { subject, why } = lines[purpose];
  return {
    subject: `[Liaison] ${subject}`,
    text: [
      `Dear ${who.displayName},`,
      why,
      link,
      `The link works once, until ${until}. If you did not expect this message, ignore it: nothing changes.`,
    ].join('\n\n'),
  };
}
