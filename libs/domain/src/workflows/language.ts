/**
 * A language as an ISO 639 code (two letters, ISO 639-1, or three, ISO 639-2/3), lower case: the primary
 * subtag of a BCP 47 tag. Agencies state the languages they accept; a request records its own (docs/domain.md,
 * Languages).
 */
export type LanguageCode = string & { readonly __brand: 'LanguageCode' };

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && LANGUAGE_CODE.test(value);
}

/** `' EN '` → `'en'`; undefined when the text is not a language code even after trimming and lower-casing. */
export function normalizeLanguageCode(value: string): LanguageCode | undefined {
  const candidate = value.trim().toLowerCase();
  return isLanguageCode(candidate) ? candidate : undefined;
}

/** Submission warns, without refusing, when the requested agency does not accept the request's language. */
export function languageWarning(
  requestLanguage: string | undefined,
  acceptedByRequestedAgency: readonly string[] | undefined,
): string | undefined {
  if (!requestLanguage || !acceptedByRequestedAgency || acceptedByRequestedAgency.length === 0) return undefined;
  const language = normalizeLanguageCode(requestLanguage);
  const accepted = acceptedByRequestedAgency.map(normalizeLanguageCode);
  if (language && accepted.includes(language)) return undefined;
  return `The requested agency accepts requests in ${acceptedByRequestedAgency.join(', ')}, not in ${requestLanguage}: attach a translation`;
}
