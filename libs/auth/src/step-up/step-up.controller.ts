import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AuthSessionSchema, UserSchema, type AuthSession, type User } from '@liaison/data';
import type { Actor, AuthenticationMethod, CallerContext } from '@liaison/domain';
import { Caller } from '@liaison/platform';
import { CodeDto, PasskeyAnswerDto } from '../dto/second-factor.dto';
import { PasskeyOptionsView } from '../dto/second-factor.view';
import { Passkeys } from '../second-factor/passkeys';
import { SecondFactorCheck } from '../second-factor/second-factor-check';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/step-up')
export class StepUpController {
  constructor(
    private readonly em: EntityManager,
    private readonly check: SecondFactorCheck,
    private readonly audit: AuditTrail,
    private readonly passkeys: Passkeys,
  ) {}

  @Post()
  @HttpCode(204)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiNoContentResponse({
    description: 'The second factor is recorded in the session: step-up routes open for 5 minutes.',
  })
  @ApiUnauthorizedResponse({ description: 'A wrong, reused or expired code.' })
  @ApiTooManyRequestsResponse({ description: 'Locked for a while after repeated wrong codes; see Retry-After.' })
  async stepUp(@Caller() { actor, clientRequestId }: CallerContext, @Body() body: CodeDto): Promise<void> {
    const { user, session } = await this.sessionOf(actor);
    await this.check.check(user, body.method, body.code, clientRequestId);
    await this.record(actor, session, body.method, clientRequestId);
  }

  @Post('passkey/options')
  @HttpCode(200)
  @ApiOkResponse({ type: PasskeyOptionsView, description: 'Options for navigator.credentials.get().' })
  async passkeyOptions(@Caller() { actor }: CallerContext): Promise<PasskeyOptionsView> {
    const { session } = await this.sessionOf(actor);
    return this.passkeys.authenticationOptions(actor.userId, `step-up:${session.id}`) as unknown as PasskeyOptionsView;
  }

  @Post('passkey')
  @HttpCode(204)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiNoContentResponse({ description: 'The passkey is recorded in the session: step-up routes open for 5 minutes.' })
  @ApiUnauthorizedResponse({ description: 'Not a valid answer of one of your passkeys to the challenge.' })
  async stepUpWithPasskey(
    @Caller() { actor, clientRequestId }: CallerContext,
    @Body() body: PasskeyAnswerDto,
  ): Promise<void> {
    const { user, session } = await this.sessionOf(actor);
    await this.check.checkPasskey(user, `step-up:${session.id}`, body.response, clientRequestId);
    await this.record(actor, session, 'passkey', clientRequestId);
  }

  private async sessionOf(actor: Actor): Promise<{ user: User; session: AuthSession }> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(UserSchema, actor.userId, { populate: ['agency'] });
    const session = actor.sessionId
      ? await em.findOne(AuthSessionSchema, { id: actor.sessionId, user: user.id })
      : null;
    if (!session) throw new UnauthorizedException('The session has ended. Sign in again.');
    return { user, session };
  }

  private async record(
    actor: Actor,
    session: AuthSession,
    method: AuthenticationMethod,
    clientRequestId: string | null,
  ): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(
        AuthSessionSchema,
        { id: session.id },
        { secondFactorAt: new Date(), methods: [...new Set([...session.methods, method])] },
      );
      await this.audit.append(tx, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.step_up',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { sessionId: session.id, method },
      });
    });
  }
}
