import { Matches } from 'class-validator';

/** An ISO 639 code (two or three lower-case letters), as the domain's `isLanguageCode` accepts. */
export const IsLanguageCode = () =>
  Matches(/^[a-z]{2,3}$/, { message: '$property must be an ISO 639 code such as en' });
