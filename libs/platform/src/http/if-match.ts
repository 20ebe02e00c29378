import { fieldError } from './field-error';
import { InvalidInputException } from './invalid-input.exception';
import { preconditionFailed } from './platform-problems';

/** The version an `If-Match` header names (`"3"`, `W/"3"` or `3`); undefined when absent. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match)
    throw new InvalidInputException([
      fieldError(['If-Match'], 'If-Match must be the version ETag, e.g. "3"', 'header'),
    ]);
  return Number(match[1]);
}

/** The ETag of a versioned resource. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The words of a 412: what changed, from the version the caller saw and the current one. */
export type StaleVersionDetail = (versions: { expected: number; current: number }) => string;

/**
 * Checks an `If-Match` header against the current version: absent passes, a malformed one is a 400, another
 * version a 412.
 */
export function checkIfMatch(
  header: string | string[] | undefined,
  currentVersion: number,
  detail: StaleVersionDetail,
): void {
  assertCurrentVersion(parseIfMatch(header), currentVersion, detail);
}

/** The same check for a version already read from the header: undefined (no `If-Match`) passes. */
export function assertCurrentVersion(
  expected: number | undefined,
  currentVersion: number,
  detail: StaleVersionDetail,
): void {
  if (expected === undefined || expected === currentVersion) return;
  throw preconditionFailed(detail({ expected, current: currentVersion }), currentVersion);
}
