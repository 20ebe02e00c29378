import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { conflict } from '@liaison/platform';
import { Public } from '../decorators/public.decorator';
import { ChallengeDto, ConfirmTotpDto, PasskeySecondFactorDto, SecondFactorDto } from '../dto/second-factor.dto';
import { EnrolledView, PasskeyOptionsView, TotpEnrolmentView } from '../dto/second-factor.view';
import { TokenPairView } from '../dto/token-pair.view';
import { Passkeys } from '../second-factor/passkeys';
import { SecondFactorCheck } from '../second-factor/second-factor-check';
import { Totp } from '../second-factor/totp';
import { ClientOfSession, type SessionClient } from '../sessions/session-client';
import { ChallengeTokens } from './challenge-tokens';
import { SignInFlow } from './sign-in-flow';

const CHALLENGE_REFUSED = 'The challenge is invalid, expired or spent, or the code is wrong or already used.';
const LIMIT = { default: { limit: 30, ttl: 60_000 } };

/** The second step of a sign-in: the challenge of the first answered with a second factor, or an enrolment. */
@ApiTags('auth')
@Public()
@ApiUnauthorizedResponse({ description: CHALLENGE_REFUSED })
@ApiTooManyRequestsResponse({ description: 'Locked for a while after repeated wrong codes; see Retry-After.' })
@Controller('auth')
export class SecondFactorController {
  constructor(
    private readonly signIn: SignInFlow,
    private readonly challenges: ChallengeTokens,
    private readonly check: SecondFactorCheck,
    private readonly totp: Totp,
    private readonly passkeys: Passkeys,
  ) {}

  @Post('second-factor')
  @HttpCode(200)
  @Throttle(LIMIT)
  @ApiOkResponse({ type: TokenPairView, description: 'The session starts.' })
  async verify(@Body() body: SecondFactorDto, @ClientOfSession() client: SessionClient): Promise<TokenPairView> {
    const claims = await this.challenges.read(body.challengeToken, 'verify');
    const user = await this.signIn.userOf(claims);
    await this.check.check(user, body.method, body.code, client.clientRequestId);
    return this.signIn.complete(user, claims, body.method, client);
  }

  @Post('second-factor/passkey/options')
  @HttpCode(200)
  @Throttle(LIMIT)
  @ApiOkResponse({ type: PasskeyOptionsView, description: 'Options for navigator.credentials.get().' })
  async passkeyOptions(@Body() body: ChallengeDto): Promise<PasskeyOptionsView> {
    const claims = await this.challenges.read(body.challengeToken, 'verify');
    const user = await this.signIn.userOf(claims);
    return this.passkeys.authenticationOptions(user.id, `sign-in:${claims.jti}`) as unknown as PasskeyOptionsView;
  }

  @Post('second-factor/passkey')
  @HttpCode(200)
  @Throttle(LIMIT)
  @ApiOkResponse({ type: TokenPairView, description: 'The session starts.' })
  async verifyPasskey(
    @Body() body: PasskeySecondFactorDto,
    @ClientOfSession() client: SessionClient,
  ): Promise<TokenPairView> {
    const claims = await this.challenges.read(body.challengeToken, 'verify');
    const user = await this.signIn.userOf(claims);
    await this.check.checkPasskey(user, `sign-in:${claims.jti}`, body.response, client.clientRequestId);
    return this.signIn.complete(user, claims, 'passkey', client);
  }

  @Post('enrolment/totp')
  @HttpCode(200)
  @Throttle(LIMIT)
  @ApiOkResponse({ type: TotpEnrolmentView, description: 'A new secret, to confirm with its first code.' })
  async beginTotp(@Body() body: ChallengeDto): Promise<TotpEnrolmentView> {
    const user = await this.signIn.userOf(await this.challenges.read(body.challengeToken, 'enrol'));
    if ((await this.signIn.factorsOf(user.id)).length)
      throw conflict('A second factor is enrolled already: sign in again.');
    return this.totp.begin(user);
  }

  @Post('enrolment/totp/confirm')
  @HttpCode(200)
  @Throttle(LIMIT)
  @ApiOkResponse({ type: EnrolledView, description: 'Enrolled: the session starts, with ten recovery codes.' })
  async confirmTotp(@Body() body: ConfirmTotpDto, @ClientOfSession() client: SessionClient): Promise<EnrolledView> {
    const claims = await this.challenges.read(body.challengeToken, 'enrol');
    const user = await this.signIn.userOf(claims);
    const recoveryCodes = await this.check.confirmEnrolment(user, body.code, client.clientRequestId);
    return { ...(await this.signIn.complete(user, claims, 'otp', client)), recoveryCodes };
  }
}
