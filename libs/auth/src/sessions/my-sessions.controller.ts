import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Delete, Get, HttpCode, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AuthSessionSchema, type AuthSession } from '@liaison/data';
import type { AuthenticationMethod, CallerContext } from '@liaison/domain';
import { Caller, MasterKeyring, parseUuid } from '@liaison/platform';
import { SessionListView, type SessionView } from '../dto/session.view';
import { openSessionClient } from './session-client';
import { SessionRevocation } from './session-revocation';

/** A user's own sessions: where and when they are signed in, and ending any of them. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/sessions')
export class MySessionsController {
  constructor(
    private readonly em: EntityManager,
    private readonly keyring: MasterKeyring,
    private readonly revocation: SessionRevocation,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOkResponse({ type: SessionListView })
  async list(@Caller() { actor }: CallerContext): Promise<SessionListView> {
    const sessions = await this.em
      .fork()
      .find(
        AuthSessionSchema,
        { user: actor.userId, revokedAt: null, expiresAt: { $gt: new Date() } },
        { populate: ['clientCiphertext'], orderBy: { id: 'desc' }, limit: 100 },
      );
    return { items: sessions.map((session) => this.view(session, actor.sessionId)) };
  }

  @Delete(':sessionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session ends: its refresh and access tokens stop working at once.' })
  @ApiNotFoundResponse({ description: 'No live session of the caller with this id.' })
  async revoke(
    @Caller() { actor, clientRequestId }: CallerContext,
    @Param('sessionId', parseUuid('sessionId')) sessionId: string,
  ): Promise<void> {
    const ended = await this.em.fork().transactional(async (em) => {
      const session = await em.findOne(AuthSessionSchema, { id: sessionId, user: actor.userId, revokedAt: null });
      if (!session) throw new NotFoundException('Session not found');
      const ids = await this.revocation.revoke(em, actor.userId, [session.id]);
      await this.audit.append(em, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.session_revoked',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { sessionId },
      });
      return ids;
    });
    await this.revocation.announce(ended);
  }

  private view(session: AuthSession, current: string | undefined): SessionView {
    const client =
      session.clientCiphertext && session.clientKeyId
        ? openSessionClient(Buffer.from(session.clientCiphertext), session.id, session.clientKeyId, this.keyring)
        : { ip: null, userAgent: null };
    return {
      id: session.id,
      startedAt: session.authenticatedAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      methods: session.methods as AuthenticationMethod[],
      client: client.userAgent,
      ip: client.ip,
      current: session.id === current,
    };
  }
}
