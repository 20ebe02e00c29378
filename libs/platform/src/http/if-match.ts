import { fieldError } from './field-error';
import { InvalidInputException } from './invalid-input.exception';

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
