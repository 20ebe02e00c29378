/** A document that identifies a person: passport, national identity card, travel document... */
export interface IdentityDocument {
  type: string;
  number: string;
  /** ISO 3166-1 alpha-2. */
  issuingCountry?: string;
}

/**
 * The identifying data of a person: the most protected thing in Liaison. It is written and read only through
 * `PersonIdentityStore` (docs/personal-data.md), and never enters audit data, logs, exports or statistics.
 */
export interface PersonIdentity {
  names?: string[];
  aliases?: string[];
  /** ISO 8601 date, or a year or year-month when only that is known. */
  dateOfBirth?: string;
  documentNumbers?: IdentityDocument[];
  addresses?: string[];
  contactDetails?: string[];
  /** Where photographs are kept (attachment ids or external references). */
  photographRefs?: string[];
}

export const IDENTITY_FIELDS = [
  'names',
  'aliases',
  'dateOfBirth',
  'documentNumbers',
  'addresses',
  'contactDetails',
  'photographRefs',
] as const satisfies readonly (keyof PersonIdentity)[];

/** The identity with every field withheld. */
export type RedactedIdentity = { [K in (typeof IDENTITY_FIELDS)[number]]: null };
