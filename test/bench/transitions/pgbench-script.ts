/**
 * The SQL an HTTP transition sent, captured from the PostgreSQL log, as a pgbench script that sends the same
 * messages: one log entry (one message: a single statement, or several in one simple-protocol query) becomes one
 * pgbench command, its statements joined with `\;` (a compound command: one message, one round trip).
 *
 * Per transaction: the request id is drawn from the client's own block of drafts; every id generated during the
 * transition (history, audit, outbox) is replaced by a random one of the same shape; the request's version and the
 * audit stream's head are taken from what the script reads (`\aset`), so that the unique (request_id, version) and
 * (stream, seq) hold as they do for the api.
 */

export interface ScriptIds {
  /** The request the captured transition acted on. */
  captured: string;
  /** Request ids are `${prefix}${base + index}`: pgbench names them from an integer. */
  prefix: string;
  base: number;
  perClient: number;
  /** Ids that stay as captured (agencies, users). */
  known: ReadonlySet<string>;
}

export interface PgbenchScript {
  text: string;
  messages: number;
  statements: number;
}

const UUID = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-f]{12})\b/gi;

export function pgbenchScript(messages: string[], ids: ScriptIds): PgbenchScript {
  const fresh = new Map<string, string>();
  const commands: string[] = [];
  let statements = 0;
  for (const message of messages) {
    const parts = splitStatements(message).map((sql) => rewrite(withIds(sql, ids, fresh)));
    statements += parts.length;
    commands.push(`${parts.map(oneLine).join(' \\; ')};`);
    if (parts.some(readsWhatTheWritesNeed)) commands.push('\\aset v_');
  }
  const header = [
    `-- captured from the PostgreSQL log of one HTTP transition: ${messages.length} messages, ${statements} statements`,
    `\\set rid ${ids.base} + :client_id * ${ids.perClient} + random(0, ${ids.perClient - 1})`,
    ...[...fresh.values()].map((variable) => `\\set ${variable} random(${ids.base}, 999999999999)`),
  ];
  return { text: [...header, ...commands, ''].join('\n'), messages: messages.length, statements };
}

function withIds(sql: string, ids: ScriptIds, fresh: Map<string, string>): string {
  return sql.replaceAll(ids.captured, `${ids.prefix}:rid`).replace(UUID, (uuid, head: string) => {
    if (ids.known.has(uuid.toLowerCase())) return uuid;
    let variable = fresh.get(uuid);
    if (!variable) {
      variable = `u${fresh.size + 1}`;
      fresh.set(uuid, variable);
    }
    return `${head}:${variable}`;
  });
}

/** The locked read of the request (its version) and the audit head (seq, hash). */
function readsWhatTheWritesNeed(sql: string): boolean {
  return /^select\b.*\bfrom "?request"?\b/is.test(sql) || /from "?audit_event"? .*order by "?seq"? desc/is.test(sql);
}

function rewrite(sql: string): string {
  if (/^insert into "?audit_event"?/i.test(sql))
    return replaceInsertValues(sql, { seq: '(:v_seq + 1)', prev_hash: `':v_hash'` });
  if (/^insert into "?request_history"?/i.test(sql)) return replaceInsertValues(sql, { version: '(:v_version + 1)' });
  if (/^update "?request"? set/i.test(sql)) return sql.replace(/"?version"? = \d+/, '"version" = (:v_version + 1)');
  return sql;
}

/** In `insert into t (cols) values (vals)`, the values of the named columns replaced. */
function replaceInsertValues(sql: string, replacements: Record<string, string>): string {
  const match = /^(insert into "?\w+"?\s*\()([^)]*)(\)\s*values\s*\()([\s\S]*)(\)[^)]*)$/i.exec(sql);
  if (!match) return sql;
  const columns = match[2].split(',').map((column) => column.trim().replace(/"/g, ''));
  const values = splitTopLevel(match[4], ',');
  if (values.length !== columns.length) return sql;
  for (const [column, value] of Object.entries(replacements)) {
    const at = columns.indexOf(column);
    if (at >= 0) values[at] = value;
  }
  return `${match[1]}${match[2]}${match[3]}${values.join(', ')}${match[5]}`;
}

/** The statements of one message, split at top-level semicolons. */
export function splitStatements(message: string): string[] {
  return splitTopLevel(message, ';').filter((sql) => sql.length > 0);
}

/** Splits at a separator outside quotes and parentheses; parts trimmed. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    if (!quoted && char === ')') depth -= 1;
    if (!quoted && depth === 0 && char === separator) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

/** pgbench reads a command up to its unescaped semicolon; newlines inside are made spaces. */
function oneLine(sql: string): string {
  return sql.replace(/\s*\n\s*/g, ' ').replace(/;\s*$/, '');
}
