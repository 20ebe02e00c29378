import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { UserSessions } from '@liaison/auth';
import { AgencySchema, UserSchema, type User } from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import { NotificationScheduler } from '@liaison/notifications';
import { toCursorPage, type CursorPage, type IdPageQuery } from '@liaison/platform';
import type { CreateUserDto } from '../dto/create-user.dto';
import type { UpdateUserDto } from '../dto/update-user.dto';
import { UserView } from '../dto/user.view';
import { AccountLinks } from '../accounts/account-links';
import { assertAdministersUsers } from './user-administration';

/** An agency's users, managed by its ADMINs (and platform operators). Other agencies see nothing: 404. */
@Injectable()
export class AgencyUsersService {
  private readonly logger = new Logger(AgencyUsersService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly notifications: NotificationScheduler,
    private readonly audit: AuditTrail,
    private readonly links: AccountLinks,
    private readonly sessions: UserSessions,
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
  async create({ actor, clientRequestId }: CallerContext, agencyId: string, input: CreateUserDto): Promise<User> {
    assertAdministersUsers(actor, agencyId);
    const user = await this.em.fork().transactional(async (em) => {
      const agency = await em.findOne(AgencySchema, agencyId);
      if (!agency) throw new NotFoundException('Agency not found');
      const created = em.create(UserSchema, {
        agency,
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        passwordHash: null,
        roles: input.roles,
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
      return created;
    });
    this.welcome(user.id);
    return user;
  }

  async update(
    { actor, clientRequestId }: CallerContext,
    agencyId: string,
    userId: string,
    changes: UpdateUserDto,
  ): Promise<User> {
    assertAdministersUsers(actor, agencyId);
    return this.em.fork().transactional(async (em) => {
      const user = await this.find(em, agencyId, userId);
      if (
        user.id === actor.userId &&
        (changes.active === false || (changes.roles && !changes.roles.includes('ADMIN')))
      ) {
        throw new ForbiddenException('Administrators cannot deactivate themselves or remove their own ADMIN role');
      }
      const before = {
        roles: [...user.roles],
        active: user.active,
        language: user.language,
        displayName: user.displayName,
      };
      em.assign(user, definedOnly(changes));
      await em.flush();
      if (before.active && !user.active) await this.sessions.end(em, user.id);
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.updated',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: userChanges(before, user),
      });
      return user;
    });
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
function userChanges(before: Pick<User, 'roles' | 'active' | 'language' | 'displayName'>, after: User) {
  const changes: Record<string, unknown> = {};
  if (before.roles.join() !== after.roles.join()) changes['roles'] = { from: before.roles, to: [...after.roles] };
  if (before.active !== after.active) changes['active'] = { from: before.active, to: after.active };
  if (before.language !== after.language) changes['language'] = { from: before.language, to: after.language };
  if (before.displayName !== after.displayName) changes['displayNameChanged'] = true;
  return { changed: Object.keys(changes), ...changes };
}

/** DTO instances carry every declared property, unset ones as undefined: a PATCH changes only what was sent. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
