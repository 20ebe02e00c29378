import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RevokedSessions } from '@liaison/auth';
import { UserSchema } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig, QUEUE_BOARD_COOKIE, REDIS_CLIENT } from '@liaison/platform';

const PROBLEM_BASE = 'https://liaison.example/problems/';

/**
 * Lets only platform admins (a valid access token of a live session of an active platform admin) reach the queue
 * board, which is plain Express mounted beside the API's guarded routes.
 */
@Injectable()
export class PlatformAdminMiddleware implements NestMiddleware {
  private readonly jwt: JwtService;
  private readonly revoked: RevokedSessions;

  constructor(
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly em: EntityManager,
    // made here: bull-board resolves its middleware in a module of its own, where only global providers are
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    this.jwt = new JwtService({ secret: config.jwt.secret });
    this.revoked = new RevokedSessions(redis, config);
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
      const claims = await this.jwt.verifyAsync<{ sub: string; sid?: unknown }>(token, {
        issuer: this.config.jwt.issuer,
        algorithms: ['HS256'],
      });
      if (typeof claims.sid !== 'string' || (await this.revoked.isRevoked(claims.sid)) !== false) return null;
      return claims.sub;
    } catch {
      return null;
    }
  }
}

/** The web console opens the board with a link: the token comes in the cookie POST /v1/admin/queues/session set. */
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
