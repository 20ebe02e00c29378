import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by key. The filesystem store serves one machine or a shared volume; an
 * S3-compatible store can replace it without touching callers. What it is given is already encrypted
 * (the request's vault): the store never sees a plaintext.
 */
export interface AttachmentStore {
  /** Writes the stream whole under the key, or nothing (a failed stream leaves no file). */
  put(key: string, bytes: Buffer | Readable): Promise<void>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
