import { parseIfMatch } from '@liaison/platform';
import { staleVersion } from './request-problems';

/**
 * Checks an `If-Match` header (`"3"`, `W/"3"` or `3`) against the current version: absent passes, a malformed
 * one is a 400, another version a 412.
 */
export function checkIfMatch(header: string | string[] | undefined, currentVersion: number): void {
  const expected = parseIfMatch(header);
  if (expected !== undefined && expected !== currentVersion) throw staleVersion(currentVersion);
}
