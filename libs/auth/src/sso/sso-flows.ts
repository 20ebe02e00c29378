import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, sha256Hex } from '@liaison/platform';
import { SESSION_KEY, type AuthorizationState } from './sso-strategy';
import { SSO_CONFIG, type SsoConfig } from './sso-config';

/** The browser's sign-in attempt, between the redirect to the provider and its answer. */
interface StoredFlow {
  agencyId: string;
  state: AuthorizationState;
}

export const FLOW_COOKIE = 'liaison_sso_flow';
const FLOW_SECONDS = 600;
const COOKIE_PATH = '/v1/auth/sso';

type SessionRequest = Request & { session?: Record<string, unknown> };

/**
 * Binds an attempt to the browser that started it: the strategy's state (PKCE verifier, `state`, `nonce`) is kept in
 * Redis for ten minutes under the hash of a random id, which only an HttpOnly cookie of that browser carries. The
 * answer is accepted once: the attempt is taken out of Redis as it is read.
 */
@Injectable()
export class SsoFlows {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SSO_CONFIG) private readonly config: SsoConfig,
  ) {}

  /** An empty session for the strategy to write its state into. */
  prepare(req: Request): void {
    (req as SessionRequest).session = {};
  }

  /** Saves what the strategy wrote; answers the Set-Cookie value that carries the attempt's id. */
  async save(req: Request, agencyId: string): Promise<string> {
    const state = (req as SessionRequest).session?.[SESSION_KEY] as AuthorizationState | undefined;
    if (!state) throw new Error('the strategy kept no authorization state');
    const id = randomBytes(32).toString('base64url');
    const flow: StoredFlow = { agencyId, state };
    await this.redis.set(this.key(id), JSON.stringify(flow), 'EX', FLOW_SECONDS);
    return this.cookie(id, FLOW_SECONDS);
  }

  /**
   * Gives the strategy back the state of this browser's attempt for this agency, and ends the attempt. False when
   * there is none (no cookie, expired, used, or started for another agency).
   */
  async resume(req: Request, agencyId: string): Promise<boolean> {
    const id = cookieValue(req.headers.cookie, FLOW_COOKIE);
    const stored = id ? await this.redis.getdel(this.key(id)) : null;
    const flow = stored ? (JSON.parse(stored) as StoredFlow) : null;
    (req as SessionRequest).session = flow?.agencyId === agencyId ? { [SESSION_KEY]: flow.state } : {};
    return flow?.agencyId === agencyId;
  }

  /** The Set-Cookie value that removes the attempt's cookie. */
  clearCookie(): string {
    return this.cookie('', 0);
  }

  private cookie(value: string, maxAge: number): string {
    // Lax: the provider's answer is a top-level navigation from another site, which Lax cookies go along with
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return `${FLOW_COOKIE}=${value}; Max-Age=${maxAge}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax${secure}`;
  }

  private key(id: string): string {
    return `sso-flow:${sha256Hex(id)}`;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length) return value.join('=');
  }
  return undefined;
}
