import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import { recordIdempotentAnswer, RequestSchema, type Request } from '@liaison/data';
import { workflowOf, type Actor, type CallerContext, type RequestContent } from '@liaison/domain';
import { checkIfMatch } from '@liaison/platform';
import { RequestAccess } from '../access/request-access';
import { RequestVault } from '../encryption/request-vault';
import { assertDraft, assertMayFile, assertRequestingEditor } from '../shared/editing-rules';
import { touchRequest } from '../shared/request-activity';
import { requestChanged } from '../requests-problems';
import { RequestPresenter } from '../view/request-presenter';
import type { RequestView } from '../view/request.view';
import type { CreateRequestDto } from './create-request.dto';
import { draftChanges } from './draft-changes';
import { assertLegalBasisFits, handlingColumns, requestedAgencyFor } from './draft-terms';
import { nextReference } from './reference-numbers';
import type { UpdateRequestDto } from './update-request.dto';

/** Drafts: filed by the requesting agency, edited only while they are drafts, every write audited. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly presenter: RequestPresenter,
    private readonly audit: AuditTrail,
    private readonly vault: RequestVault,
  ) {}

  async create({ actor, clientRequestId }: CallerContext, input: CreateRequestDto): Promise<RequestView> {
    assertMayFile(actor);
    assertLegalBasisFits(input.kind, input.legalBasis);
    const handling = handlingColumns(input.handlingCode ?? 'H0', input.handlingRestriction);
    return this.em.fork().transactional(async (tx) => {
      const requestedAgency = await requestedAgencyFor(tx, actor.agencyId, input.requestedAgencyId);
      const now = new Date();
      const request = tx.create(RequestSchema, {
        id: uuidv7(),
        reference: await nextReference(tx, input.kind, now.getUTCFullYear()),
        kind: input.kind,
        requestingAgency: actor.agencyId,
        requestedAgency,
        createdBy: actor.userId,
        legalBasis: input.legalBasis,
        urgency: input.urgency ?? 'normal',
        language: input.language ?? 'en',
        ...handling,
        title: input.title.trim(),
        content: definedContent(input.content),
        suggestedDeadline: input.suggestedDeadline ? new Date(input.suggestedDeadline) : null,
        state: workflowOf(input.kind).initial,
        timers: [],
        version: 1,
        overdue: false,
        lastActivityAt: now,
      });
      this.vault.ensureKey(tx, request);
      await tx.flush();
      await this.audit.append(tx, {
        stream: requestStream(request.id),
        action: 'request.created',
        subjectType: 'request',
        subjectId: request.id,
        actor,
        clientRequestId,
        data: {
          reference: request.reference,
          kind: request.kind,
          requestingAgencyId: actor.agencyId,
          requestedAgencyId: requestedAgency.id,
          legalBasis: request.legalBasis,
          version: request.version,
        },
      });
      await recordIdempotentAnswer(tx, { type: 'request', requestId: request.id });
      return this.presenter.present(tx, actor, request, 'requesting');
    });
  }

  async update(
    { actor, clientRequestId }: CallerContext,
    id: string,
    ifMatch: string | undefined,
    input: UpdateRequestDto,
  ): Promise<RequestView> {
    return this.em.fork().transactional(async (tx) => {
      const { request, relation, key } = await this.access.findVisible(tx, actor, id, { lock: true, wait: true });
      assertRequestingEditor(actor, relation);
      checkIfMatch(ifMatch, request.version, requestChanged);
      assertDraft(request);
      const changed = await this.apply(tx, actor, request, input);
      if (changed.some((field) => field.startsWith('content.')))
        this.vault.ensureKey(tx, request, key).sealContent(request);
      if (changed.length > 0) {
        touchRequest(request, { newVersion: true });
        await tx.flush();
        await this.audit.append(tx, {
          stream: requestStream(request.id),
          action: 'request.edited',
          subjectType: 'request',
          subjectId: request.id,
          actor,
          clientRequestId,
          data: { reference: request.reference, changedFields: changed, version: request.version },
        });
      }
      return this.presenter.present(tx, actor, request, relation);
    });
  }

  /** Assigns what was sent; returns the names of the fields whose value changed. */
  private async apply(tx: EntityManager, actor: Actor, request: Request, input: UpdateRequestDto): Promise<string[]> {
    if (input.legalBasis !== undefined) assertLegalBasisFits(request.kind, input.legalBasis);
    const requestedAgency =
      input.requestedAgencyId !== undefined && input.requestedAgencyId !== request.requestedAgency.id
        ? await requestedAgencyFor(tx, actor.agencyId, input.requestedAgencyId)
        : undefined;
    const handling =
      input.handlingCode !== undefined || input.handlingRestriction !== undefined
        ? handlingColumns(
            input.handlingCode ?? request.handlingCode,
            input.handlingRestriction ?? request.handlingRestriction,
          )
        : undefined;
    const { assign, changed } = draftChanges(request, input, handling);
    tx.assign(request, { ...assign, ...(requestedAgency && { requestedAgency }) });
    return requestedAgency ? ['requestedAgencyId', ...changed] : changed;
  }
}

function definedContent(content: object | undefined): RequestContent {
  return JSON.parse(JSON.stringify(content ?? {})) as RequestContent;
}
