import { escapeLiteral } from 'pg';

/**
 * What a statement may carry as a value (never `undefined`). A nested `Sql` is spliced in; other objects and arrays
 * travel as JSON text: cast them (`::jsonb`) where used.
 */
export type SqlValue = string | number | bigint | boolean | null | object;

/**
 * A statement, or a piece of one: the text written in the code and, between its pieces, the values. Built with the
 * `sql` tag, so a value never becomes text by accident; nested statements are spliced in with their values.
 *
 * `text` and `values` are what pg takes as a query (placeholders `$1`, `$2`, ...). `inline()` writes each value
 * as a literal instead: that is what the runner and the write path's multi-statement messages send, since the
 * simple protocol (one message, several statements) carries no parameters. MikroORM's raw `execute` would inline
 * them the same way; doing it here keeps one escaping, tested once, for both paths.
 */
export class Sql {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];

  constructor(strings: readonly string[], values: readonly unknown[]) {
    const pieces = [strings[0] ?? ''];
    const flat: unknown[] = [];
    values.forEach((value, index) => {
      const after = strings[index + 1] ?? '';
      if (value instanceof Sql) {
        pieces[pieces.length - 1] += value.strings[0];
        pieces.push(...value.strings.slice(1));
        pieces[pieces.length - 1] += after;
        flat.push(...value.values);
      } else {
        flat.push(value);
        pieces.push(after);
      }
    });
    this.strings = pieces;
    this.values = flat;
  }

  /** The text with pg's placeholders, `$1` for the first value. */
  get text(): string {
    return this.strings.reduce((text, piece, index) => `${text}$${index}${piece}`);
  }

  /** The text with every value written as an SQL literal. */
  inline(): string {
    return this.strings.reduce((text, piece, index) => text + literal(this.values[index - 1]) + piece);
  }
}

/** A statement from a template: `${value}` is a value, `${otherStatement}` is spliced in. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  return new Sql(strings, values);
}

/** Text the code itself chose (a column from a fixed list, a sort direction): never anything a caller sent. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export const empty = raw('');

/** The parts one after another, with the separator (text) between them. */
export function join(parts: readonly Sql[], separator = ', '): Sql {
  if (parts.length === 0) return empty;
  return new Sql(['', ...parts.slice(1).map(() => separator), ''], parts);
}

/** Values as a list, `$1, $2, ...` (for `in (...)` and row values). */
export function list(values: readonly SqlValue[]): Sql {
  return join(values.map((value) => sql`${value}`));
}

/** A name quoted as an SQL identifier (a database, a role). */
export function identifier(name: string): Sql {
  return raw(quoteIdentifier(name));
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value as an SQL literal (pg's `escapeLiteral` for text; objects and arrays as JSON text). */
export function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return escapeLiteral(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('not a valid date');
    return escapeLiteral(value.toISOString());
  }
  if (typeof value === 'object') return escapeLiteral(JSON.stringify(value));
  throw new TypeError(`no SQL literal for ${typeof value}`);
}
