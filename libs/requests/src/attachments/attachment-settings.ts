import { resolve } from 'node:path';

export interface AttachmentSettings {
  /** Largest upload accepted, in bytes (ATTACHMENT_MAX_BYTES, default 25 MB). */
  maxBytes: number;
  /** Folder of the filesystem store (ATTACHMENTS_DIR, default `.data/attachments` under the working directory). */
  directory: string;
}

export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export function attachmentSettings(env: Record<string, string | undefined> = process.env): AttachmentSettings {
  const raw = env['ATTACHMENT_MAX_BYTES'];
  const maxBytes = raw === undefined || raw === '' ? DEFAULT_MAX_BYTES : Number(raw);
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a positive integer, got "${raw}"`);
  }
  return { maxBytes, directory: resolve(env['ATTACHMENTS_DIR'] || '.data/attachments') };
}
