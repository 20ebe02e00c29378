import { isUUID } from 'class-validator';
import { fieldError, InvalidInputException } from '@liaison/platform';

/** Where a page ended: in the unread part (newest first) or in the read part after it. */
export interface InboxCursor {
  unread: boolean;
  id: string;
}

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(`${cursor.unread ? 'u' : 'r'}.${cursor.id}`).toString('base64url');
}

export function decodeInboxCursor(raw: string | undefined): InboxCursor | null {
  if (raw === undefined) return null;
  const [phase, id] = Buffer.from(raw, 'base64url').toString('utf8').split('.');
  if ((phase !== 'u' && phase !== 'r') || !isUUID(id ?? '')) {
    throw new InvalidInputException([
      fieldError(['cursor'], 'cursor must be a nextCursor from a previous page', 'query'),
    ]);
  }
  return { unread: phase === 'u', id };
}
