import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import { recordIdempotentAnswer, RequestNoteSchema } from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import { RequestAccess } from '../access/request-access';
import { RequestVault } from '../encryption/request-vault';
import { handlingColumns } from '../drafts/draft-terms';
import { assertActingParty } from '../shared/editing-rules';
import { shareableWith } from '../shared/handled-item-sharing';
import { touchRequest } from '../shared/request-activity';
import { requestPurged } from '../requests-problems';
import type { CreateNoteDto } from './create-note.dto';
import { NoteView, type NoteListView } from './note.view';

/** Notes the two agencies add to a request, in any state; each with its handling code and language. */
@Injectable()
export class NotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly audit: AuditTrail,
    private readonly vault: RequestVault,
  ) {}

  async add(caller: CallerContext, requestId: string, input: CreateNoteDto): Promise<NoteView> {
    const handling = handlingColumns(input.handlingCode ?? 'H0', input.handlingRestriction);
    return this.em.fork().transactional(async (tx) => {
      const visible = await this.access.findVisible(tx, caller.actor, requestId);
      const { request, relation } = visible;
      assertActingParty(caller.actor, relation);
      if (visible.key.purged) throw requestPurged();
      const key = this.vault.ensureKey(tx, request, visible.key);
      const id = uuidv7();
      const note = tx.create(RequestNoteSchema, {
        id,
        request,
        author: caller.actor.userId,
        text: input.text,
        sealedText: key.sealNoteText(id, input.text),
        ...handling,
        language: input.language ?? 'en',
        createdAt: new Date(),
      });
      touchRequest(request, { newVersion: false });
      await tx.flush();
      await this.audit.append(tx, {
        stream: requestStream(request.id),
        action: 'note.added',
        subjectType: 'note',
        subjectId: note.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { requestId: request.id, handlingCode: note.handlingCode, language: note.language },
      });
      await recordIdempotentAnswer(tx, { type: 'note', requestId: request.id, noteId: note.id });
      return NoteView.from(note, input.text);
    });
  }

  async list(actor: Actor, requestId: string): Promise<NoteListView> {
    const em = this.em.fork();
    const { relation, key } = await this.access.findVisible(em, actor, requestId);
    const notes = await em.find(
      RequestNoteSchema,
      { request: requestId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const shown = notes.filter((note) => shareableWith(relation, note.handlingCode));
    return { items: shown.map((note) => NoteView.from(note, key.noteText(note))) };
  }

  /** One note, if the caller may see it now (the replay of adding it). */
  async get(actor: Actor, requestId: string, noteId: string): Promise<NoteView> {
    const em = this.em.fork();
    const { relation, key } = await this.access.findVisible(em, actor, requestId);
    const note = await em.findOne(RequestNoteSchema, { id: noteId, request: requestId });
    if (!note || !shareableWith(relation, note.handlingCode)) throw new NotFoundException('Note not found');
    return NoteView.from(note, key.noteText(note));
  }
}
