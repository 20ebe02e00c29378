import { isUUID } from 'class-validator';
import { fieldError } from './field-error';
import { InvalidInputException } from './invalid-input.exception';

/** One typed part of a keyset cursor: how it is written, and read back (undefined when it is not one). */
export interface CursorPart<T> {
  write(value: T): string;
  read(text: string): T | undefined;
}

const MICROSECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The parts cursors are made of. */
export const cursorParts = {
  /** A row id, read back in lower case. */
  uuid: { write: (id) => id, read: (text) => (isUUID(text) ? text.toLowerCase() : undefined) } as CursorPart<string>,
  /** A sort key as microsecond ISO text (what PostgreSQL orders by), kept as text. */
  timestamp: {
    write: (key) => key,
    read: (text) => (MICROSECOND_ISO.test(text) ? text : undefined),
  } as CursorPart<string>,
  /** Exactly this text: the order or the column the cursor pages, so that it pages no other. */
  exactly<T extends string>(value: T): CursorPart<T> {
    return { write: (text) => text, read: (text) => (text === value ? value : undefined) };
  },
  /** A flag, as one of two texts. */
  flag(whenTrue: string, whenFalse: string): CursorPart<boolean> {
    return {
      write: (value) => (value ? whenTrue : whenFalse),
      read: (text) => (text === whenTrue ? true : text === whenFalse ? false : undefined),
    };
  },
};

type PartValues<Parts extends readonly CursorPart<unknown>[]> = {
  -readonly [K in keyof Parts]: Parts[K] extends CursorPart<infer T> ? T : never;
};

export interface KeysetCursorFormat<Parts extends readonly CursorPart<unknown>[]> {
  /** The query parameter the cursor comes back in: a cursor that is not one is a 400 naming it. */
  field: string;
  /** The 400's detail. */
  message: string;
  /** Between the parts; `|` unless said otherwise. */
  separator?: string;
  parts: Parts;
}

export interface KeysetCursorCodec<Values> {
  encode(values: Values): string;
  /** The parts of a cursor a client sent back, each checked, or a 400 naming the query field. */
  decode(text: string): Values;
}

/** A keyset cursor: its typed parts joined and base64url-encoded, opaque to clients. */
export function keysetCursor<const Parts extends readonly CursorPart<unknown>[]>(
  format: KeysetCursorFormat<Parts>,
): KeysetCursorCodec<PartValues<Parts>> {
  const separator = format.separator ?? '|';
  return {
    encode: (values) => {
      const texts = format.parts.map((part, index) => part.write(values[index]));
      return Buffer.from(texts.join(separator), 'utf8').toString('base64url');
    },
    decode: (text) => {
      const texts = Buffer.from(text, 'base64url').toString('utf8').split(separator);
      const values = format.parts.map((part, index) => (index < texts.length ? part.read(texts[index]) : undefined));
      if (texts.length !== format.parts.length || values.some((value) => value === undefined)) {
        throw new InvalidInputException([fieldError([format.field], format.message, 'query')]);
      }
      return values as PartValues<Parts>;
    },
  };
}
