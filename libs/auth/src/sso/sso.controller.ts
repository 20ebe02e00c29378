import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiSeeOtherResponse,
  ApiExtraModels,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AgencySignOnSchema } from '@liaison/data';
import { ClientRequestId, parseUuid } from '@liaison/platform';
import { Public } from '../decorators/public.decorator';
import { SecondFactorChallengeView } from '../dto/second-factor.view';
import { TokenPairView } from '../dto/token-pair.view';
import { ClientOfSession, type SessionClient } from '../sessions/session-client';
import type { SignInAnswer } from '../sign-in/sign-in-flow';
import { SsoAuthentication, type BrowserStep } from './sso-authentication';
import { SsoExchangeDto } from './sso-exchange.dto';
import { SsoSignIn } from './sso-sign-in';
import { SsoAgencyView } from './sso.view';

const BROWSER_LIMIT = { default: { limit: 30, ttl: 60_000 } };

/**
 * Single sign-on through an agency's OpenID provider. The two browser routes always answer with a redirect: to the
 * provider, or back to the console's `/sign-in/sso` with a single-use `code` (or the `error`) in the fragment, which
 * never reaches a server's logs. The console exchanges the code by POST for the token pair.
 */
@ApiTags('auth')
@Public()
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly em: EntityManager,
    private readonly authentication: SsoAuthentication,
    private readonly signIn: SsoSignIn,
  ) {}

  @Get('agencies')
  @ApiOkResponse({ type: [SsoAgencyView], description: 'The agencies whose users may sign in through their provider.' })
  async agencies(): Promise<SsoAgencyView[]> {
    const rows = await this.em
      .fork()
      .find(AgencySignOnSchema, { enabled: true }, { populate: ['agency'], orderBy: { agency: { name: 'asc' } } });
    return rows.map(({ agency, passwordSignIn }) => ({
      id: agency.id,
      name: agency.name,
      country: agency.country,
      startUrl: `/v1/auth/sso/${agency.id}/start`,
      passwordSignIn,
    }));
  }

  @Get(':agencyId/start')
  @Throttle(BROWSER_LIMIT)
  @ApiNotFoundResponse({ description: 'No such agency.' })
  @ApiFoundResponse({
    description: 'To the provider’s authorization endpoint; to the console with `#error=` when it cannot be used.',
  })
  async start(
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    answer(res, 302, await this.authentication.start(req, agencyId));
  }

  @Get(':agencyId/callback')
  @Throttle(BROWSER_LIMIT)
  @ApiNotFoundResponse({ description: 'No such agency.' })
  @ApiSeeOtherResponse({ description: 'To the console: `#code=` on success, `#error=<reason>` when refused.' })
  async callback(
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Req() req: Request,
    @Res() res: Response,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<void> {
    answer(res, 303, await this.authentication.callback(req, agencyId, clientRequestId));
  }

  @Post('exchange')
  @HttpCode(200)
  @Throttle(BROWSER_LIMIT)
  @ApiExtraModels(TokenPairView, SecondFactorChallengeView)
  @ApiOkResponse({
    description: "Tokens, or a challenge when the provider's sign-in does not stand for the second factor.",
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairView) }, { $ref: getSchemaPath(SecondFactorChallengeView) }] },
  })
  @ApiUnauthorizedResponse({ description: 'The code is unknown, used already or expired.' })
  exchange(@Body() body: SsoExchangeDto, @ClientOfSession() client: SessionClient): Promise<SignInAnswer> {
    return this.signIn.exchange(body.code, client);
  }
}

function answer(res: Response, status: number, step: BrowserStep): void {
  if (step.cookie) res.setHeader('Set-Cookie', step.cookie);
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(status, step.location);
}
