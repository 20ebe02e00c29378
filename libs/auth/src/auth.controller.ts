import { Body, Controller, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import type { User } from '@liaison/data';
import { clearedQueueBoardCookie, ClientRequestId, LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { Public } from './decorators/public.decorator';
import { SignedInUser } from './decorators/signed-in-user.decorator';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SecondFactorChallengeView } from './dto/second-factor.view';
import { TokenPairView } from './dto/token-pair.view';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { ClientOfSession, type SessionClient } from './sessions/session-client';
import { SignInFlow, type SignInAnswer } from './sign-in/sign-in-flow';
import { TokenService } from './tokens/token.service';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInFlow,
    private readonly tokens: TokenService,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(TokenPairView, SecondFactorChallengeView)
  @ApiOkResponse({
    description:
      'Tokens, or (when a second factor is due) a challenge: give the factor, or enrol one, to get the tokens.',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairView) }, { $ref: getSchemaPath(SecondFactorChallengeView) }] },
  })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (the same answer for unknown accounts).' })
  @ApiTooManyRequestsResponse({ description: 'Locked for a while after repeated failures; see Retry-After.' })
  login(@SignedInUser() user: User, @ClientOfSession() client: SessionClient): Promise<SignInAnswer> {
    return this.signIn.proceed(user, { methods: ['pwd'], secondFactorAt: null }, client);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView, description: 'A new pair; the presented refresh token is spent.' })
  @ApiUnauthorizedResponse({ description: 'Unknown, spent, expired or revoked, or the session reached its end.' })
  refresh(@Body() body: RefreshTokenDto, @ClientOfSession() client: SessionClient): Promise<TokenPairView> {
    return this.tokens.rotate(body.refreshToken, client);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOkResponse({
    description:
      'The session ends: its refresh and access tokens stop working at once; the queue board cookie is cleared.',
  })
  async logout(
    @Body() body: RefreshTokenDto,
    @ClientRequestId() clientRequestId: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.tokens.revoke(body.refreshToken, clientRequestId);
    response.setHeader('Set-Cookie', clearedQueueBoardCookie(!this.config.development));
  }
}
