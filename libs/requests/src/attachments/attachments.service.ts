import { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import { AttachmentSchema, recordIdempotentAnswer, type Attachment } from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import { fieldError, InvalidInputException, sha256Hex } from '@liaison/platform';
import { RequestAccess } from '../access/request-access';
import { RequestVault, type OpenedRequestKey } from '../encryption/request-vault';
import { handlingColumns } from '../drafts/draft-terms';
import { requestClosed, requestPurged, unsupportedAttachment } from '../requests-problems';
import { assertActingParty, isFinal } from '../shared/editing-rules';
import { shareableWith } from '../shared/handled-item-sharing';
import { touchRequest } from '../shared/request-activity';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store';
import { AttachmentView, type AttachmentListView } from './attachment.view';
import { acceptsContent, baseContentType } from './content-types';
import type { UploadAttachmentDto } from './upload-attachment.dto';
import type { UploadedFileData } from './uploaded-file';

export interface AttachmentContent {
  attachment: Attachment;
  stream: Readable;
}

/** Documents of a request: bytes in the attachment store, their hash, size and type in the database. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly audit: AuditTrail,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly vault: RequestVault,
  ) {}

  async upload(
    caller: CallerContext,
    requestId: string,
    file: UploadedFileData | undefined,
    input: UploadAttachmentDto,
  ): Promise<AttachmentView> {
    if (!file) throw new InvalidInputException([fieldError(['file'], 'file is required (multipart field "file")')]);
    const handling = handlingColumns(input.handlingCode ?? 'H0', input.handlingRestriction);
    return this.em.fork().transactional(async (tx) => {
      const visible = await this.access.findVisible(tx, caller.actor, requestId);
      const { request, relation } = visible;
      assertActingParty(caller.actor, relation);
      if (isFinal(request)) throw requestClosed('A closed request takes no more attachments');
      if (visible.key.purged) throw requestPurged();
      const contentType = acceptedType(file);
      const key = this.vault.ensureKey(tx, request, visible.key);
      const id = uuidv7();
      const storageKey = `${request.id}/${id}`;
      await this.store.put(storageKey, Readable.from([file.buffer]).pipe(key.encryptAttachment(id)));
      try {
        const attachment = tx.create(AttachmentSchema, {
          id,
          request,
          fileName: safeFileName(file.originalname),
          contentType,
          size: file.buffer.length,
          sha256: sha256Hex(file.buffer),
          storageKey,
          sealed: true,
          ...handling,
          language: input.language ?? 'en',
          translationAttached: input.translationAttached ?? false,
          uploadedBy: caller.actor.userId,
          createdAt: new Date(),
        });
        touchRequest(request, { newVersion: false });
        await tx.flush();
        await this.audit.append(tx, {
          stream: requestStream(request.id),
          action: 'attachment.added',
          subjectType: 'attachment',
          subjectId: id,
          actor: caller.actor,
          clientRequestId: caller.clientRequestId,
          data: {
            requestId: request.id,
            sha256: attachment.sha256,
            size: attachment.size,
            contentType,
            handlingCode: handling.handlingCode,
          },
        });
        await recordIdempotentAnswer(tx, { type: 'attachment', requestId: request.id, attachmentId: id });
        return AttachmentView.from(attachment);
      } catch (error) {
        await this.store.remove(storageKey).catch(() => undefined);
        throw error;
      }
    });
  }

  async list(actor: Actor, requestId: string): Promise<AttachmentListView> {
    const em = this.em.fork();
    const { relation } = await this.access.findVisible(em, actor, requestId);
    const attachments = await em.find(
      AttachmentSchema,
      { request: requestId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return {
      items: attachments.filter((item) => shareableWith(relation, item.handlingCode)).map(AttachmentView.from),
    };
  }

  /** One attachment's description, if the caller may see it now (the replay of uploading it). */
  async get(actor: Actor, requestId: string, attachmentId: string): Promise<AttachmentView> {
    return AttachmentView.from((await this.findShareable(this.em.fork(), actor, requestId, attachmentId)).attachment);
  }

  /**
   * The bytes, decrypted as they stream, after an audit entry that says who read which document; 410 once the
   * request's personal data was purged.
   */
  async content(caller: CallerContext, requestId: string, attachmentId: string): Promise<AttachmentContent> {
    let key: OpenedRequestKey | undefined;
    const attachment = await this.em.fork().transactional(async (tx) => {
      const visible = await this.findShareable(tx, caller.actor, requestId, attachmentId);
      const found = visible.attachment;
      key = visible.key;
      if (key.purged) throw requestPurged();
      await this.audit.append(tx, {
        stream: requestStream(requestId),
        action: 'attachment.downloaded',
        subjectType: 'attachment',
        subjectId: found.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { requestId, sha256: found.sha256 },
      });
      return found;
    });
    const stored = await this.store.open(attachment.storageKey);
    return {
      attachment,
      stream: (key as OpenedRequestKey).attachmentPlaintext(attachment.id, stored, attachment.sealed),
    };
  }

  /** The attachment of a visible request, or 404 when it is not there or the caller may not see it. */
  private async findShareable(
    em: EntityManager,
    actor: Actor,
    requestId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; key: OpenedRequestKey }> {
    const { relation, key } = await this.access.findVisible(em, actor, requestId);
    const found = await em.findOne(AttachmentSchema, { id: attachmentId, request: requestId });
    if (!found || !shareableWith(relation, found.handlingCode)) throw new NotFoundException('Attachment not found');
    return { attachment: found, key };
  }
}

/** 415 unless the declared type is allowed and the bytes look like it. */
function acceptedType(file: UploadedFileData): string {
  const contentType = baseContentType(file.mimetype);
  if (!acceptsContent(contentType, file.buffer)) {
    throw unsupportedAttachment();
  }
  return contentType;
}

/** The name as shown and downloaded: no path, no control characters, not `.` or `..`, at most 255 characters. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((character) => character >= ' ' && character !== '\u007f' && character !== '"')
    .join('')
    .trim();
  return (/^\.*$/.test(cleaned) ? 'attachment' : cleaned).slice(0, 255);
}
