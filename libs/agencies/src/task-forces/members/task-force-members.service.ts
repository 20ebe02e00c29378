import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import { runSql, TaskForceMemberSchema, UserSchema, type Request, type TaskForce, type User } from '@liaison/data';
import {
  decideOnwardSharing,
  mayManageTaskForceMembers,
  memberIsReadOnly,
  storedHandling,
  type Actor,
  type CallerContext,
} from '@liaison/domain';
import {
  alreadyMember,
  handlingPermissionNotProvider,
  handlingPermissionRequired,
  userInactive,
} from '../../agencies-problems';
import type { AddMemberDto } from '../dto/add-member.dto';
import { TaskForceMemberView } from '../dto/task-force-member.view';
import { viewingAgencyIds } from '../task-force-onward-sharing';
import { findVisibleTaskForce, type VisibleTaskForce } from '../task-force-standing';
import { taskForceStream } from '../task-force-stream';
import { linkedRequestsSql } from '../task-forces.sql';

/** Linked requests a new member's agency would see for the first time, restricted by their handling code. */
type NewlyExposed = Pick<Request, 'id' | 'reference' | 'handlingCode'>[];

/** Who is in a task force: decided by a SUPERVISOR of its lead agency. */
@Injectable()
export class TaskForceMembersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async add({ actor, clientRequestId }: CallerContext, taskForceId: string, input: AddMemberDto) {
    return this.em.fork().transactional(async (tx) => {
      const { taskForce } = await this.manageable(tx, actor, taskForceId, { lock: true });
      const user = await tx.findOne(UserSchema, input.userId, { populate: ['agency'] });
      if (!user) throw new NotFoundException('User not found');
      if (!user.active) throw userInactive();
      if (await tx.count(TaskForceMemberSchema, { taskForce: taskForceId, user: user.id })) {
        throw alreadyMember();
      }
      const confirmed = input.handlingPermissionConfirmed ?? false;
      const exposed = await this.newlyExposed(tx, actor, taskForce, user, confirmed);
      const readOnly = memberIsReadOnly(user.agency.type, input.readOnly ?? false);
      const now = new Date();
      const member = tx.create(TaskForceMemberSchema, { id: uuidv7(), taskForce, user, readOnly, createdAt: now });
      await tx.flush();
      const entry = { actor, clientRequestId, occurredAt: now };
      await this.audit.append(tx, {
        ...entry,
        stream: taskForceStream(taskForceId),
        action: 'task_force.member_added',
        subjectType: 'task_force',
        subjectId: taskForceId,
        data: {
          memberUserId: user.id,
          memberAgencyId: user.agency.id,
          readOnly,
          readOnlyForced: readOnly && input.readOnly !== true,
          ...(exposed.length ? { handlingPermissionConfirmed: true, requestIds: exposed.map((r) => r.id) } : {}),
        },
      });
      for (const request of exposed) {
        await this.audit.append(tx, {
          ...entry,
          stream: requestStream(request.id),
          action: 'task_force.shared_with_agency',
          subjectType: 'request',
          subjectId: request.id,
          data: {
            taskForceId,
            agencyId: user.agency.id,
            handlingCode: request.handlingCode,
            handlingPermissionConfirmed: true,
          },
        });
      }
      return TaskForceMemberView.from(member);
    });
  }

  async remove({ actor, clientRequestId }: CallerContext, taskForceId: string, userId: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      await this.manageable(tx, actor, taskForceId, { lock: false });
      const member = await tx.findOne(TaskForceMemberSchema, { taskForce: taskForceId, user: userId });
      if (!member) throw new NotFoundException('The user is not a member of this task force');
      tx.remove(member);
      await tx.flush();
      await this.audit.append(tx, {
        stream: taskForceStream(taskForceId),
        action: 'task_force.member_removed',
        subjectType: 'task_force',
        subjectId: taskForceId,
        actor,
        clientRequestId,
        data: { memberUserId: userId },
      });
    });
  }

  private async manageable(tx: EntityManager, actor: Actor, taskForceId: string, options: { lock: boolean }) {
    const visible: VisibleTaskForce = await findVisibleTaskForce(tx, actor, taskForceId, options);
    if (!mayManageTaskForceMembers(actor, visible.standing)) {
      throw new ForbiddenException('Only a SUPERVISOR of the lead agency manages the members');
    }
    return visible;
  }

  /**
   * A member from an agency new to the task force sees its linked requests: those whose handling code forbids
   * onward sharing need the providers' permission first (docs/domain.md, Handling codes), which only the caller's
   * own agency can give, for the requests it provided.
   */
  private async newlyExposed(
    tx: EntityManager,
    actor: Actor,
    taskForce: TaskForce,
    user: User,
    confirmed: boolean,
  ): Promise<NewlyExposed> {
    if ((await viewingAgencyIds(tx, taskForce)).includes(user.agency.id)) return [];
    const linked = await runSql<LinkedRow>(tx, linkedRequestsSql(taskForce.id));
    const refusals = linked.map((row) => ({
      row,
      decision: decideOnwardSharing({
        handling: storedHandling(row.handling_code, row.handling_restriction),
        parties: { requestingAgencyId: row.requesting_agency_id, requestedAgencyId: row.requested_agency_id },
        viewingAgencyIds: [user.agency.id],
        permissionConfirmed: confirmed,
        confirmingAgencyId: actor.agencyId,
      }),
    }));
    const refused = (refusal: string) =>
      refusals.filter(({ decision }) => !decision.allowed && decision.refusal === refusal).map(({ row }) => row);
    const required = refused('permission_required');
    if (required.length > 0) {
      throw handlingPermissionRequired(
        `The new member’s agency would see ${required.length} linked request(s) whose handling code forbids onward sharing without the provider’s permission`,
        { references: required.map((row) => row.reference) },
      );
    }
    const others = refused('not_provider');
    if (others.length > 0) {
      throw handlingPermissionNotProvider(
        `The new member’s agency would see ${others.length} linked request(s) whose handling code forbids onward sharing, provided by other agencies: only they give the permission`,
        { references: others.map((row) => row.reference) },
      );
    }
    return refusals
      .filter(({ decision }) => decision.allowed && decision.permission === 'confirmed')
      .map(({ row }) => ({ id: row.id, reference: row.reference, handlingCode: row.handling_code }));
  }
}

interface LinkedRow {
  id: string;
  reference: string;
  handling_code: Request['handlingCode'];
  handling_restriction: string | null;
  requesting_agency_id: string;
  requested_agency_id: string;
}
