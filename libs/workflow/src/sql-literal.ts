import { escapeLiteral } from 'pg';

export type SqlValue = string | number | boolean | null | Date | Record<string, unknown> | unknown[];

/**
 * A value as an SQL literal, for the write path's multi-statement messages (the simple protocol takes no
 * parameters; MikroORM's raw `execute` inlines its parameters the same way). Objects and arrays become JSON text:
 * cast them (`::jsonb`) where they are used.
 */
export function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (typeof value === 'string') return escapeLiteral(value);
  return escapeLiteral(JSON.stringify(value));
}
