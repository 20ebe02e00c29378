import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { UserSchema } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { Caller, StepUp } from '@liaison/platform';
import { noSecondFactor } from '../auth-problems';
import { RecoveryCodesView, SecondFactorStatusView } from '../dto/second-factor.view';
import { SignInFlow } from '../sign-in/sign-in-flow';
import { RecoveryCodes } from './recovery-codes';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/second-factor')
export class MySecondFactorController {
  constructor(
    private readonly em: EntityManager,
    private readonly signIn: SignInFlow,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOkResponse({ type: SecondFactorStatusView })
  async status(@Caller() { actor }: CallerContext): Promise<SecondFactorStatusView> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(UserSchema, actor.userId);
    const factors = await this.signIn.factorsOf(user.id);
    return {
      totp: factors.includes('otp'),
      passkeys: factors.includes('passkey'),
      recoveryCodesLeft: await this.recoveryCodes.left(em, user.id),
      required: this.signIn.secondFactorDue(user),
    };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @StepUp()
  @ApiOkResponse({ type: RecoveryCodesView, description: 'Ten new codes, shown only here; the old ones are void.' })
  @ApiForbiddenResponse({ description: '`step-up-required`: give the second factor again first.' })
  async replaceRecoveryCodes(@Caller() { actor, clientRequestId }: CallerContext): Promise<RecoveryCodesView> {
    if (!(await this.signIn.factorsOf(actor.userId)).length) throw noSecondFactor('second factor');
    const recoveryCodes = await this.em.fork().transactional(async (em) => {
      const codes = await this.recoveryCodes.replace(em, actor.userId);
      await this.audit.append(em, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.recovery_codes_replaced',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { recoveryCodes: codes.length },
      });
      return codes;
    });
    return { recoveryCodes };
  }
}
