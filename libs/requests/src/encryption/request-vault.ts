import type { Readable, Transform } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RequestKeySchema, type Request, type RequestHistory, type RequestNote } from '@liaison/data';
import type { RequestContent } from '@liaison/domain';
import { MasterKeyring } from '@liaison/platform';
import { decryptAttachment, encryptAttachment } from './attachment-cipher';
import { newRequestKey, openRequestKey, openValue, sealValue, type WrappedRequestKey } from './request-data-key';

/** The stored side of a request the vault reads: its sealed content, or its legacy clear one, and purge time. */
export type VaultedRequest = Pick<Request, 'id' | 'sealedContent' | 'clearContent' | 'personalDataPurgedAt'>;

/**
 * A request's data key, opened for one unit of work. `purged`: the key was destroyed, and nothing it sealed can be
 * read again. Without a key and not purged, the request is from before encryption (`legacy`): its values are still
 * in the clear columns until the worker seals them, or until a write creates the key.
 */
export class OpenedRequestKey {
  constructor(
    readonly requestId: string,
    private dataKey: Buffer | undefined,
    readonly purged: boolean,
  ) {}

  get legacy(): boolean {
    return !this.dataKey && !this.purged;
  }

  /** Used by the vault when a write meets a legacy request: from then on it has a key. */
  adopt(dataKey: Buffer): void {
    this.dataKey = dataKey;
  }

  content(request: VaultedRequest): RequestContent {
    if (this.purged) return {};
    if (this.dataKey && request.sealedContent) {
      return openValue<RequestContent>(this.dataKey, this.requestId, 'content', request.sealedContent);
    }
    return request.clearContent ?? {};
  }

  /** Seals `request.content` into its stored column (flushed by the caller). */
  sealContent(request: Request): void {
    request.sealedContent = sealValue(this.key(), this.requestId, 'content', request.content ?? {});
    request.clearContent = null;
  }

  /** A note's text; null once purged. */
  noteText(note: Pick<RequestNote, 'id' | 'sealedText' | 'clearText'>): string | null {
    if (this.purged) return null;
    if (this.dataKey && note.sealedText)
      return openValue<string>(this.dataKey, this.requestId, `note:${note.id}`, note.sealedText);
    return note.clearText ?? null;
  }

  sealNoteText(noteId: string, text: string): Buffer {
    return sealValue(this.key(), this.requestId, `note:${noteId}`, text);
  }

  /** A history entry's payload; null once purged. */
  payload(entry: Pick<RequestHistory, 'id' | 'sealedPayload' | 'clearPayload'>): Record<string, unknown> | null {
    if (this.purged) return null;
    if (this.dataKey && entry.sealedPayload) {
      return openValue<Record<string, unknown>>(
        this.dataKey,
        this.requestId,
        `history:${entry.id}`,
        entry.sealedPayload,
      );
    }
    return entry.clearPayload ?? {};
  }

  /** The sealed payload of a new history entry, or undefined when the request has no key (legacy or purged). */
  sealPayload(historyId: string, payload: Record<string, unknown>): Buffer | undefined {
    return this.dataKey ? sealValue(this.dataKey, this.requestId, `history:${historyId}`, payload) : undefined;
  }

  encryptAttachment(attachmentId: string): Transform {
    return encryptAttachment(this.key(), this.requestId, attachmentId);
  }

  /** The plaintext of a stored attachment as a stream (a sealed file is decrypted chunk by chunk). */
  attachmentPlaintext(attachmentId: string, stored: Readable, sealed: boolean): Readable {
    if (!sealed) return stored;
    return stored
      .pipe(decryptAttachment(this.key(), this.requestId, attachmentId))
      .once('error', () => stored.destroy());
  }

  private key(): Buffer {
    if (!this.dataKey) throw new Error(`request ${this.requestId} has no data key`);
    return this.dataKey;
  }
}

/**
 * The one way in and out of a request's sealed data (docs/personal-data.md): its data key in `request_key`,
 * wrapped by the master key; opened only after the caller's access was checked (RequestAccess, the write path).
 */
@Injectable()
export class RequestVault {
  constructor(private readonly keyring: MasterKeyring) {}

  async open(em: EntityManager, request: Pick<Request, 'id' | 'personalDataPurgedAt'>): Promise<OpenedRequestKey> {
    const row = await em.findOne(RequestKeySchema, { request: request.id });
    const wrapped = row && { wrappedDataKey: row.wrappedDataKey, masterKeyId: row.masterKeyId };
    return this.fromWrapped(request.id, wrapped, request.personalDataPurgedAt ?? null);
  }

  /** The same from a key row already read (the write path reads it with the request, in one statement). */
  fromWrapped(requestId: string, wrapped: WrappedRequestKey | null, purgedAt: Date | string | null): OpenedRequestKey {
    const dataKey = wrapped ? openRequestKey(requestId, wrapped, this.keyring) : undefined;
    return new OpenedRequestKey(requestId, dataKey, !wrapped && purgedAt !== null);
  }

  /** Opens the key and puts the request's content in `request.content`. */
  async openContent(em: EntityManager, request: Request): Promise<OpenedRequestKey> {
    const key = await this.open(em, request);
    request.content = key.content(request);
    return key;
  }

  /**
   * Gives a request a data key (a new request; or a legacy one, whose clear content is sealed at once), persisted
   * with the caller's flush. A purged request gets none: it takes no more personal data.
   */
  ensureKey(em: EntityManager, request: Request, key?: OpenedRequestKey): OpenedRequestKey {
    if (key && !key.legacy) return key;
    if (key?.purged) return key;
    const { dataKey, wrapped } = newRequestKey(request.id, this.keyring.current);
    em.create(RequestKeySchema, { request, ...wrapped, createdAt: new Date() });
    const opened = key ?? new OpenedRequestKey(request.id, undefined, false);
    if (key) request.content = key.content(request);
    opened.adopt(dataKey);
    opened.sealContent(request);
    return opened;
  }

  /** A new request's columns for a bulk insert: its sealed content and its key row's (fixtures, benchmarks). */
  sealedColumns(requestId: string, content: RequestContent): { sealedContent: Buffer } & WrappedRequestKey {
    const { dataKey, wrapped } = newRequestKey(requestId, this.keyring.current);
    try {
      return { sealedContent: sealValue(dataKey, requestId, 'content', content), ...wrapped };
    } finally {
      dataKey.fill(0);
    }
  }

  /** Crypto-shredding: the key row goes (with the caller's flush or statement), and with it everything it sealed. */
  async destroy(em: EntityManager, request: Request, at: Date): Promise<boolean> {
    const deleted = await em.nativeDelete(RequestKeySchema, { request: request.id });
    request.personalDataPurgedAt = at;
    request.content = {};
    return deleted > 0;
  }
}
