import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { AttachmentSchema, RequestHistorySchema, RequestNoteSchema, RequestSchema, runSql } from '@liaison/data';
import { ATTACHMENT_STORE, type AttachmentStore } from '../attachments/attachment-store';
import { unsealedRequestsSql } from './request-sealing.sql';
import { RequestVault } from './request-vault';

const BATCH_SIZE = 50;

/**
 * Seals what the encryption migration moved over in clear: every request without a data key and not purged gets
 * one; its content, notes' texts and history payloads are sealed and their clear columns emptied; its attachments
 * are re-encrypted in the store. One transaction per request, with its audit entry (counts only). Safe to run again.
 */
export async function sealLegacyRequests(
  em: EntityManager,
  audit: AuditTrail,
  vault: RequestVault,
  store: AttachmentStore,
): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await runSql<{ id: string }>(em.fork(), unsealedRequestsSql(BATCH_SIZE));
    let progress = 0;
    for (const { id } of batch) progress += (await sealOne(em, audit, vault, store, id)) ? 1 : 0;
    sealed += progress;
    // rows a user holds are skipped: the next start seals them
    if (batch.length < BATCH_SIZE || progress === 0) return sealed;
  }
}

function sealOne(
  em: EntityManager,
  audit: AuditTrail,
  vault: RequestVault,
  store: AttachmentStore,
  requestId: string,
): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    // SKIP LOCKED: a request in a user's transaction is left for later, never waited for
    const request = await tx.findOne(RequestSchema, requestId, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
    if (!request) return false;
    const opened = await vault.open(tx, request);
    if (!opened.legacy) return false;
    const key = vault.ensureKey(tx, request, opened);
    const notes = await tx.find(RequestNoteSchema, { request: requestId, sealedText: null });
    for (const note of notes) {
      note.sealedText = key.sealNoteText(note.id, note.clearText ?? '');
      note.clearText = null;
    }
    const entries = await tx.find(RequestHistorySchema, { request: requestId, sealedPayload: null });
    for (const entry of entries) {
      entry.sealedPayload = key.sealPayload(entry.id, entry.clearPayload ?? {}) ?? null;
      entry.clearPayload = null;
    }
    const files = await tx.find(AttachmentSchema, { request: requestId, sealed: false });
    for (const file of files) {
      const plaintext = await store.open(file.storageKey);
      await store.put(file.storageKey, plaintext.pipe(key.encryptAttachment(file.id)));
      file.sealed = true;
    }
    await tx.flush();
    await audit.append(tx, {
      stream: requestStream(requestId),
      action: 'request.sealed',
      subjectType: 'request',
      subjectId: requestId,
      actor: null,
      data: { notes: notes.length, historyEntries: entries.length, attachments: files.length },
    });
    return true;
  });
}

/** At the worker's start: seals the requests the migration left in clear (none, once it has run once). */
@Injectable()
export class RequestSealingAtStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequestSealingAtStart.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly vault: RequestVault,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const sealed = await sealLegacyRequests(this.em, this.audit, this.vault, this.store);
      if (sealed > 0) this.logger.log({ sealed }, 'requests sealed under their data keys');
    } catch (error) {
      // the api still reads the clear columns; the next start tries again
      this.logger.warn({ err: error }, 'requests could not be sealed');
    }
  }
}
