import { Injectable } from '@nestjs/common';
import type { IdempotentResource } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { AttachmentsService } from '../attachments/attachments.service';
import { NotesService } from '../notes/notes.service';
import { PersonsService } from '../persons/persons.service';
import { RequestReader } from '../view/request-reader';

export interface ReplayedAnswer {
  body: unknown;
  /** The version of the request shown, for the `ETag` header. */
  version?: number;
}

/**
 * The answer to a retried call, rebuilt from what it wrote (its idempotency record keeps ids only) as the same
 * reads show it to the caller now: after a change of role or agency, redacted or 404, never the first answer.
 */
@Injectable()
export class IdempotentReplays {
  constructor(
    private readonly reader: RequestReader,
    private readonly persons: PersonsService,
    private readonly notes: NotesService,
    private readonly attachments: AttachmentsService,
  ) {}

  async rebuild(caller: CallerContext, resource: IdempotentResource): Promise<ReplayedAnswer> {
    switch (resource.type) {
      case 'request': {
        const view = await this.reader.get(caller.actor, resource.requestId);
        return { body: view, version: view.version };
      }
      case 'transition': {
        const view = await this.reader.get(caller.actor, resource.requestId);
        return { body: { ...view, warnings: resource.warnings }, version: view.version };
      }
      case 'person':
        return { body: await this.persons.get(caller, resource.requestId, resource.personId) };
      case 'note':
        return { body: await this.notes.get(caller.actor, resource.requestId, resource.noteId) };
      case 'attachment':
        return { body: await this.attachments.get(caller.actor, resource.requestId, resource.attachmentId) };
    }
  }
}
