import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AttachmentSchema, RequestHistorySchema, RequestNoteSchema, type Request } from '@liaison/data';
import { ATTACHMENT_STORE, type AttachmentStore } from '../attachments/attachment-store';
import { RequestVault } from './request-vault';

/**
 * Crypto-shredding of a request's personal data: its data key goes, so its sealed content, notes, history payloads
 * and attachments stay behind as ciphertext nothing can open; what a request from before encryption still held in
 * clear is erased too. The audit trail never held any of it (only hashes), so it still verifies.
 */
@Injectable()
export class RequestShredding {
  constructor(
    private readonly vault: RequestVault,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  /** In the caller's transaction; the request's purge time is written by its flush. Answers whether a key went. */
  async shred(em: EntityManager, request: Request, at: Date): Promise<boolean> {
    const destroyed = await this.vault.destroy(em, request, at);
    request.clearContent = null;
    await em.nativeUpdate(RequestNoteSchema, { request: request.id }, { clearText: null });
    await em.nativeUpdate(RequestHistorySchema, { request: request.id }, { clearPayload: null });
    const unsealed = await em.find(
      AttachmentSchema,
      { request: request.id, sealed: false },
      { fields: ['storageKey'] },
    );
    for (const attachment of unsealed) await this.store.remove(attachment.storageKey);
    return destroyed;
  }
}
