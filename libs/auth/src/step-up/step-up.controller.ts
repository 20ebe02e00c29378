import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AuthSessionSchema, UserSchema } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { Caller } from '@liaison/platform';
import { CodeDto } from '../dto/second-factor.dto';
import { SecondFactorCheck } from '../second-factor/second-factor-check';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/step-up')
export class StepUpController {
  constructor(
    private readonly em: EntityManager,
    private readonly check: SecondFactorCheck,
    private readonly audit: AuditTrail,
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
    const em = this.em.fork();
    const user = await em.findOneOrFail(UserSchema, actor.userId, { populate: ['agency'] });
    const session = actor.sessionId
      ? await em.findOne(AuthSessionSchema, { id: actor.sessionId, user: user.id })
      : null;
    if (!session) throw new UnauthorizedException('The session has ended. Sign in again.');
    await this.check.check(user, body.method, body.code, clientRequestId);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(
        AuthSessionSchema,
        { id: session.id },
        { secondFactorAt: new Date(), methods: [...new Set([...session.methods, body.method])] },
      );
      await this.audit.append(tx, {
        stream: agencyStream(user.agency.id),
        action: 'auth.step_up',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: { sessionId: session.id, method: body.method },
      });
    });
  }
}
