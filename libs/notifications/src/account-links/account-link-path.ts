import type { AccountLinkPurpose } from '@liaison/data';

/** The console page a link opens; the token goes in the fragment, which browsers never send to a server. */
export function accountLinkPath(purpose: AccountLinkPurpose, token: string): string {
  const page = purpose === 'invitation' ? 'invitation' : 'reset-password';
  return `/account/${page}#token=${encodeURIComponent(token)}`;
}
