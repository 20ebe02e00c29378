/**
 * What a password must be (NIST SP 800-63B 5.1.1.2): long enough, no composition rules, and not guessable from a
 * list of common or breached passwords nor from the account it protects. Lengths count Unicode code points.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** Shorter parts of an e-mail address or name would refuse too much (`a@x.example` must not refuse every "a"). */
const SHORTEST_PERSONAL_PART = 3;

export type PasswordRefusal = 'too_short' | 'too_long' | 'common' | 'contains_email' | 'contains_name';

/** Whose password it is: what it may not contain. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** The first rule the password breaks, or null; `isCommon` is asked with the password lower-cased. */
export function passwordRefusal(
  password: string,
  owner: PasswordOwner,
  isCommon: (lowerCased: string) => boolean,
): PasswordRefusal | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = fold(password);
  if (isCommon(password.toLowerCase())) return 'common';
  if (emailParts(owner.email).some((part) => folded.includes(part))) return 'contains_email';
  if (nameParts(owner.displayName).some((part) => folded.includes(part))) return 'contains_name';
  return null;
}

/** What each refusal tells the user, in the words of the field it is about. */
export function passwordRefusalText(refusal: PasswordRefusal, field: string): string {
  switch (refusal) {
    case 'too_short':
      return `${field} must be at least ${PASSWORD_MIN_LENGTH} characters long`;
    case 'too_long':
      return `${field} must be at most ${PASSWORD_MAX_LENGTH} characters long`;
    case 'common':
      return `${field} is in a list of common or breached passwords: choose another one`;
    case 'contains_email':
      return `${field} must not contain your e-mail address or its part before the @`;
    case 'contains_name':
      return `${field} must not contain your name`;
  }
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function emailParts(email: string): string[] {
  const address = fold(email.trim());
  const local = address.split('@')[0];
  return [address, local].filter((part) => part.length >= SHORTEST_PERSONAL_PART);
}

/** The whole name without its spaces, and each word of it. */
function nameParts(displayName: string): string[] {
  const words = fold(displayName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [words.join(''), ...words].filter((part) => part.length >= SHORTEST_PERSONAL_PART);
}
