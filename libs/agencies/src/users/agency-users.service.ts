import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { SessionRevocation } from '@liaison/auth';
import { AgencySchema, UserSchema, type User } from '@liaison/data';
import {
  addedRoles,
  mayAdministerUsersOf,
  mayCreateFirstAdministrator,
  proposalRefusal,
  type Actor,
  type CallerContext,
  type Grant,
} from '@liaison/domain';
import { NotificationScheduler } from '@liaison/notifications';
import { toCursorPage, type CursorPage, type IdPageQuery } from '@liaison/platform';
import type { CreateUserDto } from '../dto/create-user.dto';
import type { UpdateUserDto } from '../dto/update-user.dto';
import { UserView } from '../dto/user.view';
import { firstAdministratorOnly, platformAdminsOnly, selfGrant } from '../agencies-problems';
import { AccountLinks } from '../accounts/account-links';
import { RoleGrantsService } from './role-grants.service';
import { assertAdministersUsers } from './user-administration';

/**
 * An agency's users, managed by its ADMINs; other agencies see nothing (404). A platform admin creates the first
 * administrator of an agency that has none. SUPERVISOR and AUDITOR wait for a second administrator (role grants).
 */
@Injectable()
export class AgencyUsersService {
  private readonly logger = new Logger(AgencyUsersService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly notifications: NotificationScheduler,
    private readonly audit: AuditTrail,
    private readonly roleGrants: RoleGrantsService,
    private readonly links: AccountLinks,
    private readonly sessions: SessionRevocation,
  ) {}

  async list(actor: Actor, agencyId: string, page: IdPageQuery): Promise<CursorPage<UserView>> {
    assertAdministersUsers(actor, agencyId);
    const em = this.em.fork();
    // a platform admin may name any agency: an unknown one is 404, as for get and create, not an empty page
    if (actor.agencyId !== agencyId && !(await em.count(AgencySchema, { id: agencyId }))) {
      throw new NotFoundException('Agency not found');
    }
    const rows = await em.find(
      UserSchema,
      { agency: agencyId, ...(page.cursor ? { id: { $gt: page.cursor } } : {}) },
      { orderBy: { id: 'asc' }, limit: page.limit + 1 },
    );
    return toCursorPage(rows, page.limit, UserView.from);
  }

  async get(actor: Actor, agencyId: string, userId: string): Promise<User> {
    assertAdministersUsers(actor, agencyId);
    return this.find(this.em.fork(), agencyId, userId);
  }

  /** The account has no password: the user chooses it through the invitation e-mailed in the same commit. */
  async create(caller: CallerContext, agencyId: string, input: CreateUserDto): Promise<User> {
    const { actor, clientRequestId } = caller;
    const firstAdministrator = this.assertCreates(actor, agencyId, input);
    const { immediate, pending } = addedRoles([], input.roles);
    const user = await this.em.fork().transactional(async (em) => {
      const agency = await em.findOne(AgencySchema, agencyId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!agency) throw new NotFoundException('Agency not found');
      if (
        firstAdministrator &&
        (await em.count(UserSchema, { agency, active: true, roles: { $contains: ['ADMIN'] } }))
      ) {
        throw firstAdministratorOnly('The agency has an administrator already: its administrators create its users');
      }
      const created = em.create(UserSchema, {
        agency,
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        passwordHash: null,
        roles: immediate,
        language: input.language ?? 'en',
      });
      await em.flush();
      const invitation = await this.links.send(em, created, 'invitation');
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.created',
        subjectType: 'user',
        subjectId: created.id,
        actor,
        clientRequestId,
        data: { roles: [...created.roles], invitationId: invitation.id },
      });
      await this.roleGrants.propose(em, caller, created, pending);
      return created;
    });
    this.welcome(user.id);
    return user;
  }

  async update(caller: CallerContext, agencyId: string, userId: string, changes: UpdateUserDto): Promise<User> {
    const { actor, clientRequestId } = caller;
    assertAdministersUsers(actor, agencyId);
    const { user, ended } = await this.em.fork().transactional(async (em) => {
      const user = await this.find(em, agencyId, userId);
      if (
        user.id === actor.userId &&
        (changes.active === false || (changes.roles && !changes.roles.includes('ADMIN')))
      ) {
        throw new ForbiddenException('Administrators cannot deactivate themselves or remove their own ADMIN role');
      }
      const { roles, pending } = this.grantsOf(actor, user, changes);
      const before = {
        roles: [...user.roles],
        platformAdmin: user.platformAdmin,
        active: user.active,
        language: user.language,
        displayName: user.displayName,
      };
      em.assign(user, {
        ...definedOnly(changes),
        roles,
        platformAdmin: user.platformAdmin && changes.platformAdmin !== false,
      });
      await em.flush();
      const ended = before.active && !user.active ? await this.sessions.revokeAll(em, user.id) : [];
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.updated',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: userChanges(before, user),
      });
      await this.roleGrants.propose(em, caller, user, pending);
      return { user, ended };
    });
    await this.sessions.announce(ended);
    return user;
  }

  /**
   * The roles a change leaves the user with now, and the grants that wait for a second administrator. No one grants
   * themselves anything; removing a role (or the flag, by a platform admin) takes effect at once.
   */
  private grantsOf(actor: Actor, user: User, changes: UpdateUserDto): { roles: User['roles']; pending: Grant[] } {
    const { immediate, pending } = addedRoles(user.roles, changes.roles ?? user.roles);
    const flag: Grant[] = changes.platformAdmin && !user.platformAdmin ? ['PLATFORM_ADMIN'] : [];
    const refusal = proposalRefusal(actor, user.id, [...immediate, ...pending, ...flag]);
    if (refusal === 'self_grant') throw selfGrant();
    if (refusal || (changes.platformAdmin === false && !actor.platformAdmin)) throw platformAdminsOnly();
    const kept = (changes.roles ?? user.roles).filter((role) => user.roles.includes(role) || immediate.includes(role));
    return { roles: kept, pending: [...pending, ...flag] };
  }

  /** Whether the caller creates the agency's first administrator (as a platform admin) rather than as its ADMIN. */
  private assertCreates(actor: Actor, agencyId: string, input: CreateUserDto): boolean {
    if (mayAdministerUsersOf(actor, agencyId)) return false;
    if (mayCreateFirstAdministrator(actor, input.roles)) return true;
    if (actor.platformAdmin) {
      throw firstAdministratorOnly('Inside another agency a platform administrator creates only its first ADMIN');
    }
    assertAdministersUsers(actor, agencyId);
    return false;
  }

  private async find(em: EntityManager, agencyId: string, userId: string): Promise<User> {
    const user = await em.findOne(UserSchema, { id: userId, agency: agencyId });
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  /**
   * Queued after the commit and not awaited: a queue outage must neither fail nor delay the account's creation.
   * (The welcome is a courtesy; workflow notifications go through the transactional outbox instead.)
   */
  private welcome(userId: string): void {
    this.notifications.welcome(userId).catch((error: unknown) => {
      this.logger.warn({ err: error, userId }, 'welcome notice not queued');
    });
  }
}

/** What a PATCH changed, as before/after values; the display name (personal data) only as changed or not. */
function userChanges(
  before: Pick<User, 'roles' | 'platformAdmin' | 'active' | 'language' | 'displayName'>,
  after: User,
) {
  const changes: Record<string, unknown> = {};
  if (before.roles.join() !== after.roles.join()) changes['roles'] = { from: before.roles, to: [...after.roles] };
  if (before.platformAdmin !== after.platformAdmin) {
    changes['platformAdmin'] = { from: before.platformAdmin, to: after.platformAdmin };
  }
  if (before.active !== after.active) changes['active'] = { from: before.active, to: after.active };
  if (before.language !== after.language) changes['language'] = { from: before.language, to: after.language };
  if (before.displayName !== after.displayName) changes['displayNameChanged'] = true;
  return { changed: Object.keys(changes), ...changes };
}

/** DTO instances carry every declared property, unset ones as undefined: a PATCH changes only what was sent. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
