import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { UserSchema } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';

const PROBLEM_BASE = 'https://liaison.example/problems/';

/**
 * Lets only platform admins (a valid access token of an active platform admin) reach the queue board, which is
 * plain Express mounted beside the API's guarded routes.
 */
@Injectable()
export class PlatformAdminMiddleware implements NestMiddleware {
  private readonly jwt: JwtService;

  constructor(
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly em: EntityManager,
  ) {
    this.jwt = new JwtService({ secret: config.jwt.secret });
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const userId = await this.userOf(request.headers.authorization ?? cookieBearer(request.headers.cookie));
    if (!userId) return refuse(request, response, 401, 'unauthorized', 'Sign in as a platform admin.');
    const user = await this.em.fork().findOne(UserSchema, userId, { fields: ['id', 'platformAdmin', 'active'] });
    if (!user?.active || !user.platformAdmin) {
      return refuse(request, response, 403, 'forbidden', 'The queue board is for platform admins only.');
    }
    next();
  }

  private async userOf(header: string | undefined): Promise<string | null> {
    const token = header?.match(/^Bearer (\S+)$/i)?.[1];
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string }>(token, {
        issuer: this.config.jwt.issuer,
        algorithms: ['HS256'],
      });
      return claims.sub;
    } catch {
      return null;
    }
  }
}

/**
 * The web console opens the board with a link, which cannot send a header: it hands the access token over in a
 * cookie scoped to the board's path (SameSite=Strict, so no other site's page can make the browser send it).
 */
export const QUEUE_BOARD_COOKIE = 'liaison_queue_board';

function cookieBearer(header: string | undefined): string | undefined {
  const prefix = `${QUEUE_BOARD_COOKIE}=`;
  const value = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  return value ? `Bearer ${value}` : undefined;
}

function refuse(request: Request, response: Response, status: number, slug: string, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .json({
      type: `${PROBLEM_BASE}${slug}`,
      title: status === 401 ? 'Unauthorized' : 'Forbidden',
      status,
      detail,
      instance: request.originalUrl,
    });
}
