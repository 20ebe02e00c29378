import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { RoleGrantSchema, UserSchema, type RoleGrant, type User } from '@liaison/data';
import {
  confirmationRefusal,
  hasRole,
  mayDecideGrant,
  type Actor,
  type CallerContext,
  type Grant,
  type PendingGrant,
} from '@liaison/domain';
import { toCursorPage, type CursorPage, type IdPageQuery } from '@liaison/platform';
import { secondAdministratorRequired, userInactive } from '../agencies-problems';
import { RoleGrantView } from '../dto/role-grant.view';

const LOADED = ['user', 'proposedBy'] as const;

/**
 * Grants that take two administrators (SUPERVISOR, AUDITOR, the platform-admin flag): one proposes (a role change of
 * the users routes), another confirms or refuses. Each step is audited in the grantee agency's stream, in the
 * transaction of the change.
 */
@Injectable()
export class RoleGrantsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  /** Inside the caller's transaction: each grant waits for a second administrator (once, however often proposed). */
  async propose(em: EntityManager, { actor, clientRequestId }: CallerContext, user: User, grants: Grant[]) {
    for (const grant of grants) {
      if (await em.count(RoleGrantSchema, { user, grant })) continue;
      const pending = em.create(RoleGrantSchema, { user, agency: user.agency, grant, proposedBy: actor.userId });
      await em.flush();
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: 'role_grant.proposed',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: { grantId: pending.id, grant },
      });
    }
  }

  /** The grants the caller may decide, oldest first: their agency's roles (ADMINs), the flag (platform admins). */
  async list(actor: Actor, page: IdPageQuery): Promise<CursorPage<RoleGrantView>> {
    const scopes = [
      ...(hasRole(actor, 'ADMIN') ? [{ agency: actor.agencyId, grant: { $ne: 'PLATFORM_ADMIN' as const } }] : []),
      ...(actor.platformAdmin ? [{ grant: 'PLATFORM_ADMIN' as const }] : []),
    ];
    if (!scopes.length) throw new ForbiddenException('Only administrators decide role grants');
    const rows = await this.em
      .fork()
      .find(
        RoleGrantSchema,
        { $or: scopes, ...(page.cursor ? { id: { $gt: page.cursor } } : {}) },
        { populate: LOADED, orderBy: { id: 'asc' }, limit: page.limit + 1 },
      );
    return toCursorPage(rows, page.limit, RoleGrantView.from);
  }

  /** A second administrator applies the grant; the pending row goes. */
  async confirm(caller: CallerContext, grantId: string): Promise<RoleGrantView> {
    return this.em.fork().transactional(async (em) => {
      const pending = await this.decidable(em, caller.actor, grantId);
      const refusal = confirmationRefusal(caller.actor, pendingOf(pending));
      if (refusal) throw secondAdministratorRequired(refusal);
      const user = await em.findOneOrFail(UserSchema, pending.user.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user.active) throw userInactive();
      if (pending.grant === 'PLATFORM_ADMIN') user.platformAdmin = true;
      else if (!user.roles.includes(pending.grant)) user.roles = [...user.roles, pending.grant];
      const view = RoleGrantView.from(pending);
      em.remove(pending);
      await em.flush();
      await this.record(em, caller, pending, 'role_grant.confirmed');
      return view;
    });
  }

  /** Any administrator who could confirm it refuses it, its proposer too (a withdrawal); nothing is granted. */
  async refuse(caller: CallerContext, grantId: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const pending = await this.decidable(em, caller.actor, grantId);
      em.remove(pending);
      await em.flush();
      await this.record(em, caller, pending, 'role_grant.refused');
    });
  }

  /** The grant, locked against a concurrent decision; 404 when it is gone or not the caller's to decide. */
  private async decidable(em: EntityManager, actor: Actor, grantId: string): Promise<RoleGrant> {
    const pending = await em.findOne(RoleGrantSchema, grantId, {
      populate: LOADED,
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    if (!pending || !mayDecideGrant(actor, pendingOf(pending))) throw new NotFoundException('Role grant not found');
    return pending;
  }

  private async record(em: EntityManager, { actor, clientRequestId }: CallerContext, grant: RoleGrant, action: string) {
    await this.audit.append(em, {
      stream: agencyStream(grant.agency.id),
      action,
      subjectType: 'user',
      subjectId: grant.user.id,
      actor,
      clientRequestId,
      data: { grantId: grant.id, grant: grant.grant, proposedBy: grant.proposedBy.id },
    });
  }
}

function pendingOf(grant: RoleGrant): PendingGrant {
  return { grant: grant.grant, agencyId: grant.agency.id, userId: grant.user.id, proposedById: grant.proposedBy.id };
}
