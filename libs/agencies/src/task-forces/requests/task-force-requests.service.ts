import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream, type AuditEntry } from '@liaison/audit';
import { TaskForceRequestSchema, type Request, type TaskForce } from '@liaison/data';
import {
  decideOnwardSharing,
  isKnownToRequestingSideAlone,
  providerOf,
  storedHandling,
  taskForceLinkRefusal,
  type Actor,
  type CallerContext,
  type TaskForceLinkRefusal,
} from '@liaison/domain';
import {
  alreadyFollowed,
  handlingPermissionNotProvider,
  handlingPermissionRequired,
  linkRefused,
} from '../../agencies-problems';
import { RequestAccess } from '@liaison/requests';
import type { LinkRequestDto } from '../dto/link-request.dto';
import type { TaskForceRequestView } from '../dto/task-force-request.view';
import { viewingAgencyIds } from '../task-force-onward-sharing';
import { findVisibleTaskForce } from '../task-force-standing';
import { taskForceStream } from '../task-force-stream';

const REFUSALS: Readonly<Record<TaskForceLinkRefusal, string>> = {
  NOT_PARTY_SUPERVISOR: 'Only a SUPERVISOR of one of the two agencies of the request links it to a task force',
  NOT_WRITING_MEMBER: 'Only members of the task force who are not read-only link requests to it',
};

interface Linking {
  taskForce: TaskForce;
  request: Request;
}

/** Requests followed by a task force: linked and unlinked by a party's SUPERVISOR who is a member. */
@Injectable()
export class TaskForceRequestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly audit: AuditTrail,
  ) {}

  async link(
    { actor, clientRequestId }: CallerContext,
    taskForceId: string,
    input: LinkRequestDto,
  ): Promise<TaskForceRequestView> {
    return this.em.fork().transactional(async (tx) => {
      const { taskForce, request } = await this.authorise(tx, actor, taskForceId, input.requestId, { lock: true });
      if (await tx.count(TaskForceRequestSchema, { taskForce: taskForceId, request: request.id })) {
        throw alreadyFollowed();
      }
      const parties = {
        requestingAgencyId: request.requestingAgency.id,
        requestedAgencyId: request.requestedAgency.id,
      };
      const sharing = decideOnwardSharing({
        handling: storedHandling(request.handlingCode, request.handlingRestriction),
        parties,
        viewingAgencyIds: await viewingAgencyIds(tx, taskForce),
        permissionConfirmed: input.handlingPermissionConfirmed ?? false,
        confirmingAgencyId: actor.agencyId,
      });
      if (!sharing.allowed && sharing.refusal === 'not_provider') {
        throw handlingPermissionNotProvider(
          `Request ${request.reference} is ${request.handlingCode}: only the agency that provided it gives the permission to share it onward`,
          {
            handlingCode: request.handlingCode,
            providerAgencyId: providerOf(parties),
            thirdAgencyIds: sharing.thirdAgencyIds,
          },
        );
      }
      if (!sharing.allowed) {
        throw handlingPermissionRequired(
          `Request ${request.reference} is ${request.handlingCode} and the task force includes agencies other than its two parties`,
          { handlingCode: request.handlingCode, thirdAgencyIds: sharing.thirdAgencyIds },
        );
      }
      const now = new Date();
      tx.create(TaskForceRequestSchema, { id: uuidv7(), taskForce, request, linkedBy: actor.userId, createdAt: now });
      await tx.flush();
      await this.appendBoth(
        tx,
        { taskForce, request },
        {
          action: 'task_force.request_linked',
          actor,
          clientRequestId,
          occurredAt: now,
          data: {
            handlingCode: request.handlingCode,
            handlingPermission: sharing.permission,
            ...(sharing.permission === 'confirmed' ? { handlingPermissionConfirmed: true } : {}),
            thirdAgencyIds: sharing.thirdAgencyIds,
          },
        },
      );
      return {
        taskForceId,
        requestId: request.id,
        reference: request.reference,
        handlingCode: request.handlingCode,
        handlingPermission: sharing.permission,
        linkedAt: now.toISOString(),
      };
    });
  }

  async unlink({ actor, clientRequestId }: CallerContext, taskForceId: string, requestId: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const linking = await this.authorise(tx, actor, taskForceId, requestId, { lock: false });
      const link = await tx.findOne(TaskForceRequestSchema, { taskForce: taskForceId, request: requestId });
      if (!link) throw new NotFoundException('The request is not linked to this task force');
      tx.remove(link);
      await tx.flush();
      await this.appendBoth(tx, linking, { action: 'task_force.request_unlinked', actor, clientRequestId, data: {} });
    });
  }

  /** 404 unless the caller sees both the task force and the request; 403 unless they may link. */
  private async authorise(
    tx: EntityManager,
    actor: Actor,
    taskForceId: string,
    requestId: string,
    options: { lock: boolean },
  ): Promise<Linking> {
    const { taskForce, standing } = await findVisibleTaskForce(tx, actor, taskForceId, options);
    const { request, relation } = await this.access.findVisible(tx, actor, requestId);
    assertMayLink(taskForceLinkRefusal(actor, relation, standing));
    return { taskForce, request };
  }

  /**
   * One entry on each stream: the task force's and the request's trails both tell the story. While the request has not
   * left its requesting side, on the request's alone: the task force's trail is read by its members' agencies, to whom
   * the request does not exist yet.
   */
  private async appendBoth(
    tx: EntityManager,
    { taskForce, request }: Linking,
    entry: Omit<AuditEntry, 'stream' | 'subjectType' | 'subjectId'>,
  ): Promise<void> {
    const data = { ...entry.data, taskForceId: taskForce.id, requestId: request.id, reference: request.reference };
    const unsent = isKnownToRequestingSideAlone(request.kind, request.state, request.previousState);
    if (!unsent) {
      await this.appendToTaskForce(tx, taskForce, { ...entry, data });
    }
    await this.audit.append(tx, {
      ...entry,
      stream: requestStream(request.id),
      subjectType: 'request',
      subjectId: request.id,
      data,
    });
  }

  private async appendToTaskForce(
    tx: EntityManager,
    taskForce: TaskForce,
    entry: Omit<AuditEntry, 'stream' | 'subjectType' | 'subjectId'>,
  ): Promise<void> {
    await this.audit.append(tx, {
      ...entry,
      stream: taskForceStream(taskForce.id),
      subjectType: 'task_force',
      subjectId: taskForce.id,
    });
  }
}

function assertMayLink(refusal: TaskForceLinkRefusal | null): void {
  if (refusal) throw linkRefused(refusal, REFUSALS[refusal]);
}
