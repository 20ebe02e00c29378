import { cursorParts, keysetCursor } from '@liaison/platform';

/** Where a page ended: in the unread part (newest first) or in the read part after it. */
export interface InboxCursor {
  unread: boolean;
  id: string;
}

const inboxCursor = keysetCursor({
  field: 'cursor',
  message: 'cursor must be a nextCursor from a previous page',
  separator: '.',
  parts: [cursorParts.flag('u', 'r'), cursorParts.uuid],
});

export function encodeInboxCursor(cursor: InboxCursor): string {
  return inboxCursor.encode([cursor.unread, cursor.id]);
}

export function decodeInboxCursor(raw: string | undefined): InboxCursor | null {
  if (raw === undefined) return null;
  const [unread, id] = inboxCursor.decode(raw);
  return { unread, id };
}
