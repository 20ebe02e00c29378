import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Attachments at rest: a streamed, chunked AES-256-GCM in the manner of the STREAM construction. The file starts
 * with a header (magic and a random 16-byte salt); the file key is HKDF-SHA-256 of the request's data key with
 * that salt, bound to the request and attachment. The plaintext is cut into 64 KiB chunks, each sealed with its own
 * tag under the nonce `counter ‖ last`: a chunk moved, dropped, altered or cut off at the end fails to open, and
 * neither side ever holds more than a chunk or two.
 */
const MAGIC = Buffer.from('LSA1', 'ascii');
const SALT_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

/** Thrown while decrypting a stored attachment that is not the one written: truncated, altered or another's. */
export class AttachmentIntegrityError extends Error {
  constructor() {
    super('the stored attachment failed authentication');
  }
}

const fileContext = (requestId: string, attachmentId: string) => `liaison/attachment/v1|${requestId}|${attachmentId}`;

function fileKey(dataKey: Buffer, salt: Buffer, requestId: string, attachmentId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, fileContext(requestId, attachmentId), 32));
}

function nonce(counter: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.floor(counter / 2 ** 32), 3);
  bytes.writeUInt32BE(counter % 2 ** 32, 7);
  bytes[11] = last ? 1 : 0;
  return bytes;
}

/** Encrypts a stream of plaintext into the stored form; holds at most one chunk ahead. */
export function encryptAttachment(dataKey: Buffer, requestId: string, attachmentId: string): Transform {
  const salt = randomBytes(SALT_BYTES);
  const key = fileKey(dataKey, salt, requestId, attachmentId);
  let pending = Buffer.alloc(0);
  let counter = 0;
  const sealChunk = (chunk: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(counter, last), { authTagLength: TAG_BYTES });
    counter += 1;
    return Buffer.concat([cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    construct(done) {
      this.push(Buffer.concat([MAGIC, salt]));
      done();
    },
    transform(data: Buffer, _encoding, done: TransformCallback) {
      pending = Buffer.concat([pending, data]);
      // a full chunk is sealed only once more data follows: the last one must carry the flag
      while (pending.length > CHUNK_BYTES) {
        this.push(sealChunk(pending.subarray(0, CHUNK_BYTES), false));
        pending = pending.subarray(CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(sealChunk(pending, true));
      key.fill(0);
      done();
    },
  });
}

/** Decrypts the stored form back to the plaintext, chunk by chunk; fails on any change, reordering or truncation. */
export function decryptAttachment(dataKey: Buffer, requestId: string, attachmentId: string): Transform {
  let key: Buffer | undefined;
  let pending = Buffer.alloc(0);
  let counter = 0;
  let finished = false;
  const openChunk = (sealed: Buffer, last: boolean): Buffer => {
    if (!key || sealed.length < TAG_BYTES) throw new AttachmentIntegrityError();
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(counter, last), { authTagLength: TAG_BYTES });
    counter += 1;
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new AttachmentIntegrityError();
    }
  };
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      try {
        pending = Buffer.concat([pending, data]);
        if (!key) {
          if (pending.length < HEADER_BYTES) return done();
          if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw new AttachmentIntegrityError();
          key = fileKey(dataKey, pending.subarray(MAGIC.length, HEADER_BYTES), requestId, attachmentId);
          pending = pending.subarray(HEADER_BYTES);
        }
        // a full sealed chunk is opened as not-last only once more bytes follow it
        while (pending.length > SEALED_CHUNK_BYTES) {
          this.push(openChunk(pending.subarray(0, SEALED_CHUNK_BYTES), false));
          pending = pending.subarray(SEALED_CHUNK_BYTES);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (finished) return done();
        finished = true;
        this.push(openChunk(pending, true));
        key?.fill(0);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
