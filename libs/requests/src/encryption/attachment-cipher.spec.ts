import { randomBytes } from 'node:crypto';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentIntegrityError, CHUNK_BYTES, decryptAttachment, encryptAttachment } from './attachment-cipher';

describe('attachment cipher (chunked AES-256-GCM)', () => {
  const dataKey = randomBytes(32);
  const [requestId, attachmentId] = ['0193a1b2-0000-7000-8000-00000000000a', '0193a1b2-0000-7000-8000-00000000000b'];

  /** Runs bytes through a transform, fed in pieces of `piece` bytes. */
  async function through(transform: Transform, bytes: Buffer, piece = 7_001): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += piece) parts.push(bytes.subarray(offset, offset + piece));
    const out: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    });
    await pipeline(Readable.from(parts), transform, sink);
    return Buffer.concat(out);
  }
  const encrypt = (bytes: Buffer) => through(encryptAttachment(dataKey, requestId, attachmentId), bytes);
  const decrypt = (bytes: Buffer, key = dataKey, id = attachmentId) =>
    through(decryptAttachment(key, requestId, id), bytes, 10_007);

  it.each([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])(
    'round-trips %i bytes, with nothing of the plaintext in the stored form',
    async (size) => {
      const plaintext = Buffer.concat([Buffer.from('MARKER-plain'), randomBytes(size)]).subarray(0, size);
      const stored = await encrypt(plaintext);
      expect(await decrypt(stored)).toEqual(plaintext);
      if (size >= 12) expect(stored.includes(Buffer.from('MARKER-plain'))).toBe(false);
    },
  );

  it('refuses a truncated file, even cut at a chunk boundary', async () => {
    const stored = await encrypt(randomBytes(2 * CHUNK_BYTES + 100));
    const header = 20;
    const boundary = header + CHUNK_BYTES + 16;
    await expect(decrypt(stored.subarray(0, stored.length - 1))).rejects.toThrow(AttachmentIntegrityError);
    await expect(decrypt(stored.subarray(0, boundary))).rejects.toThrow(AttachmentIntegrityError);
    await expect(decrypt(stored.subarray(0, header))).rejects.toThrow(AttachmentIntegrityError);
  });

  it('refuses a changed byte, swapped chunks, another key or another attachment id', async () => {
    const stored = await encrypt(randomBytes(2 * CHUNK_BYTES + 100));
    const flipped = Buffer.from(stored);
    flipped[40] = (flipped[40] ?? 0) ^ 1;
    await expect(decrypt(flipped)).rejects.toThrow(AttachmentIntegrityError);
    const sealed = CHUNK_BYTES + 16;
    const swapped = Buffer.concat([
      stored.subarray(0, 20),
      stored.subarray(20 + sealed, 20 + 2 * sealed),
      stored.subarray(20, 20 + sealed),
      stored.subarray(20 + 2 * sealed),
    ]);
    await expect(decrypt(swapped)).rejects.toThrow(AttachmentIntegrityError);
    await expect(decrypt(stored, randomBytes(32))).rejects.toThrow(AttachmentIntegrityError);
    await expect(decrypt(stored, dataKey, '0193a1b2-0000-7000-8000-00000000000c')).rejects.toThrow(
      AttachmentIntegrityError,
    );
  });
});
