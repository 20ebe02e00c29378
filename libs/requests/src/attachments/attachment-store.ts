import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by key. The filesystem store serves one machine or a shared volume; an
 * S3-compatible store can replace it without touching callers.
 */
export interface AttachmentStore {
  put(key: string, bytes: Buffer): Promise<void>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
