import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { PasskeyCredentialSchema, UserSchema, type PasskeyCredential } from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, parseUuid, StepUp } from '@liaison/platform';
import { RegisterPasskeyDto } from '../dto/second-factor.dto';
import { PasskeyListView, PasskeyOptionsView, PasskeyView } from '../dto/second-factor.view';
import { Passkeys } from './passkeys';

const STEP_UP = '`step-up-required`: give the second factor again first.';

/** The caller's passkeys: registering one (after a recent second factor), listing and removing them. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/passkeys')
export class MyPasskeysController {
  constructor(
    private readonly em: EntityManager,
    private readonly passkeys: Passkeys,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOkResponse({ type: PasskeyListView })
  async list(@Caller() { actor }: CallerContext): Promise<PasskeyListView> {
    return { items: (await this.passkeys.of(actor.userId)).map(passkeyView) };
  }

  @Post('registration')
  @HttpCode(200)
  @StepUp()
  @ApiOkResponse({ type: PasskeyOptionsView, description: 'Options for navigator.credentials.create().' })
  @ApiForbiddenResponse({ description: STEP_UP })
  async registrationOptions(@Caller() { actor }: CallerContext): Promise<PasskeyOptionsView> {
    const user = await this.em.fork().findOneOrFail(UserSchema, actor.userId);
    return this.passkeys.registrationOptions(user, ceremonyOf(actor)) as unknown as Promise<PasskeyOptionsView>;
  }

  @Post()
  @StepUp()
  @ApiCreatedResponse({ type: PasskeyView, description: 'Registered: it can be given as the second factor. Audited.' })
  @ApiForbiddenResponse({ description: STEP_UP })
  async register(@Caller() { actor, clientRequestId }: CallerContext, @Body() body: RegisterPasskeyDto) {
    const user = await this.em.fork().findOneOrFail(UserSchema, actor.userId);
    const passkey = await this.em.fork().transactional(async (em) => {
      const registered = await this.passkeys.register(em, user, ceremonyOf(actor), body.response, body.name);
      await this.audit.append(em, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.passkey_registered',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { passkeyId: registered.id },
      });
      return registered;
    });
    return passkeyView(passkey);
  }

  @Delete(':passkeyId')
  @HttpCode(204)
  @StepUp()
  @ApiNoContentResponse({ description: 'Removed. Audited.' })
  @ApiForbiddenResponse({ description: STEP_UP })
  async remove(
    @Caller() { actor, clientRequestId }: CallerContext,
    @Param('passkeyId', parseUuid('passkeyId')) passkeyId: string,
  ): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const removed = await em.nativeDelete(PasskeyCredentialSchema, { id: passkeyId, user: actor.userId });
      if (!removed) throw new NotFoundException('Passkey not found');
      await this.audit.append(em, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.passkey_removed',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { passkeyId },
      });
    });
  }
}

/** A registration belongs to the session that asked for its options. */
const ceremonyOf = (actor: Actor) => `session:${actor.sessionId ?? actor.userId}`;

function passkeyView(passkey: PasskeyCredential): PasskeyView {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  };
}
