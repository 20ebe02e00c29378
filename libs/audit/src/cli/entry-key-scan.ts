/** What the chain and the failures need of an entry's fields. */
export interface EntryKey {
  id: string;
  stream: string;
  seq: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MAX_DEPTH = 64;
const ascii = (text: string) => Buffer.from(text, 'latin1');
const [TRUE, FALSE, NULL] = [ascii('true'), ascii('false'), ascii('null')];
const [ID, STREAM, SEQ] = [ascii('"id"'), ascii('"stream"'), ascii('"seq"')];
const ESCAPED = new Uint8Array(256);
for (const letter of '"\\/bfnrt') ESCAPED[letter.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const digit of '0123456789abcdefABCDEF') HEX[digit.charCodeAt(0)] = 1;

/** Where the values of `id`, `stream` and `seq` are, the last of each (as `JSON.parse` keeps the last). */
interface Spans {
  id: number;
  idEnd: number;
  stream: number;
  streamEnd: number;
  seq: number;
  seqEnd: number;
}

/**
 * The id, stream and sequence of an entry member, `bytes[start, end)` (valid UTF-8), read without building it: what
 * `JSON.parse` would answer, when the member is a JSON object without whitespace (as RFC 8785 writes it) whose id
 * and stream are strings without escapes and whose seq is an integer. Null for anything else, valid JSON or not: the
 * caller then parses the member, which decides. Only JSON is accepted here (a subset of its grammar).
 */
export function scanEntryKey(bytes: Buffer, start: number, end: number): EntryKey | null {
  const spans: Spans = { id: -1, idEnd: -1, stream: -1, streamEnd: -1, seq: -1, seqEnd: -1 };
  if (bytes[start] !== OPEN_BRACE || scanObject(bytes, start, end, 1, spans) !== end) return null;
  const id = plainString(bytes, spans.id, spans.idEnd);
  const stream = plainString(bytes, spans.stream, spans.streamEnd);
  if (id === null || stream === null || spans.seq < 0) return null;
  if (bytes[spans.seq] !== MINUS && !isDigit(bytes[spans.seq])) return null;
  const seq = Number(bytes.toString('latin1', spans.seq, spans.seqEnd));
  return Number.isInteger(seq) ? { id, stream, seq } : null;
}

/** The string token `bytes[at, end)` decoded, when it has no escape; else null. */
function plainString(bytes: Buffer, at: number, end: number): string | null {
  if (at < 0 || bytes[at] !== QUOTE) return null;
  for (let i = at + 1; i < end - 1; i += 1) if (bytes[i] === BACKSLASH) return null;
  return bytes.toString('utf8', at + 1, end - 1);
}

/** Where the value at `at` ends, or -1 when it is not one (in the subset read here). */
function scanValue(bytes: Buffer, at: number, end: number, depth: number): number {
  switch (bytes[at]) {
    case OPEN_BRACE:
      return depth < MAX_DEPTH ? scanObject(bytes, at, end, depth + 1, null) : -1;
    case OPEN_BRACKET:
      return depth < MAX_DEPTH ? scanArray(bytes, at, end, depth + 1) : -1;
    case QUOTE:
      return scanString(bytes, at, end);
    case TRUE[0]:
      return literal(bytes, at, end, TRUE);
    case FALSE[0]:
      return literal(bytes, at, end, FALSE);
    case NULL[0]:
      return literal(bytes, at, end, NULL);
    default:
      return scanNumber(bytes, at, end);
  }
}

/** `{}` or `{"key":value,…}`; at the top (`spans`), notes where the id, stream and seq values are. */
function scanObject(bytes: Buffer, at: number, end: number, depth: number, spans: Spans | null): number {
  let i = at + 1;
  if (bytes[i] === CLOSE_BRACE) return i + 1;
  for (;;) {
    const keyEnd = scanString(bytes, i, end);
    if (keyEnd < 0 || bytes[keyEnd] !== COLON) return -1;
    const valueEnd = scanValue(bytes, keyEnd + 1, end, depth);
    if (valueEnd < 0) return -1;
    if (spans && !noteSpan(bytes, i, keyEnd, valueEnd, spans)) return -1;
    if (bytes[valueEnd] === CLOSE_BRACE) return valueEnd + 1;
    if (bytes[valueEnd] !== COMMA) return -1;
    i = valueEnd + 1;
  }
}

/** False for a key with an escape: it might spell one of the three (then the caller parses). */
function noteSpan(bytes: Buffer, key: number, keyEnd: number, valueEnd: number, spans: Spans): boolean {
  for (let i = key + 1; i < keyEnd - 1; i += 1) if (bytes[i] === BACKSLASH) return false;
  if (isKey(bytes, key, keyEnd, ID)) [spans.id, spans.idEnd] = [keyEnd + 1, valueEnd];
  else if (isKey(bytes, key, keyEnd, STREAM)) [spans.stream, spans.streamEnd] = [keyEnd + 1, valueEnd];
  else if (isKey(bytes, key, keyEnd, SEQ)) [spans.seq, spans.seqEnd] = [keyEnd + 1, valueEnd];
  return true;
}

function isKey(bytes: Buffer, key: number, keyEnd: number, name: Buffer): boolean {
  return keyEnd - key === name.length && literal(bytes, key, keyEnd, name) === keyEnd;
}

/** `[]` or `[value,…]`. */
function scanArray(bytes: Buffer, at: number, end: number, depth: number): number {
  let i = at + 1;
  if (bytes[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    i = scanValue(bytes, i, end, depth);
    if (i < 0) return -1;
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i += 1;
  }
}

/** A string: no control character, escapes as JSON has them. */
function scanString(bytes: Buffer, at: number, end: number): number {
  if (bytes[at] !== QUOTE) return -1;
  for (let i = at + 1; i < end; i += 1) {
    const byte = bytes[i];
    if (byte === QUOTE) return i + 1;
    if (byte < 0x20) return -1;
    if (byte === BACKSLASH) {
      i += 1;
      if (bytes[i] === 0x75) {
        if (i + 4 >= end || !HEX[bytes[i + 1]] || !HEX[bytes[i + 2]] || !HEX[bytes[i + 3]] || !HEX[bytes[i + 4]]) {
          return -1;
        }
        i += 4;
      } else if (!ESCAPED[bytes[i]]) return -1;
    }
  }
  return -1;
}

/** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` */
function scanNumber(bytes: Buffer, at: number, end: number): number {
  let i = bytes[at] === MINUS ? at + 1 : at;
  if (bytes[i] === 0x30) i += 1;
  else if (isDigit(bytes[i])) i = digits(bytes, i, end);
  else return -1;
  if (bytes[i] === 0x2e) {
    if (!isDigit(bytes[i + 1])) return -1;
    i = digits(bytes, i + 1, end);
  }
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i += bytes[i + 1] === 0x2b || bytes[i + 1] === MINUS ? 2 : 1;
    if (!isDigit(bytes[i])) return -1;
    i = digits(bytes, i, end);
  }
  return i <= end ? i : -1;
}

function digits(bytes: Buffer, at: number, end: number): number {
  let i = at;
  while (i < end && isDigit(bytes[i])) i += 1;
  return i;
}

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** Where `word` ends if it is at `at`, else -1. */
function literal(bytes: Buffer, at: number, end: number, word: Buffer): number {
  if (at + word.length > end) return -1;
  for (let i = 0; i < word.length; i += 1) if (bytes[at + i] !== word[i]) return -1;
  return at + word.length;
}
