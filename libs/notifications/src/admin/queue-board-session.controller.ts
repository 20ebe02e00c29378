import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { mayOperateQueues, type CallerContext } from '@liaison/domain';
import { Caller, forbidden, LIAISON_CONFIG, queueBoardCookie, type LiaisonConfig } from '@liaison/platform';

/**
 * Opens the queue board for the caller's session: the cookie the board's pages are sent with, set by the server
 * (sign-out clears it). Under the board's path, so the board's platform-admin check applies first.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues/session')
export class QueueBoardSessionController {
  constructor(@Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig) {}

  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Sets the board cookie (HttpOnly, SameSite=Strict, Secure outside development) for as long as the access token lives.',
  })
  @ApiForbiddenResponse({ description: 'Platform admins only.' })
  open(
    @Caller() { actor }: CallerContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): void {
    if (!mayOperateQueues(actor)) throw forbidden('Only platform administrators open the queue board.');
    // the guard has verified this token: only its lifetime is read here
    const token = (request.headers.authorization ?? '').replace(/^Bearer /i, '');
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number };
    response.setHeader('Set-Cookie', queueBoardCookie(token, exp - Date.now() / 1000, this.secure));
  }

  private get secure(): boolean {
    return !this.config.development;
  }
}
