import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStore } from './attachment-store';

/** Attachment bytes as files under one folder; written to a temporary name first, so a reader never sees half. */
export class FilesystemAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer | Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.partial`;
    const source = Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes;
    try {
      await pipeline(source, createWriteStream(temporary, { flags: 'wx' }));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await rename(temporary, path);
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    const stream = createReadStream(path);
    await new Promise<void>((done, fail) => stream.once('open', () => done()).once('error', fail));
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are ours (`<request id>/<attachment id>`); still, none may leave the root. */
  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    const inside = relative(this.root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error('Attachment key outside the store');
    }
    return path;
  }
}
