import { resolve } from 'node:path';
import { readSettings, type Env } from '@liaison/platform';

export interface AttachmentSettings {
  /** Largest upload accepted, in bytes (ATTACHMENT_MAX_BYTES, default 25 MB). */
  maxBytes: number;
  /** Folder of the filesystem store (ATTACHMENTS_DIR, default `.data/attachments` under the working directory). */
  directory: string;
}

export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

export function attachmentSettings(env?: Env): AttachmentSettings {
  const settings = readSettings(['attachments'], env);
  return { maxBytes: settings.ATTACHMENT_MAX_BYTES, directory: resolve(settings.ATTACHMENTS_DIR) };
}
