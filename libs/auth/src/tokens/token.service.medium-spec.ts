import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditModule } from '@liaison/audit';
import type { User } from '@liaison/data';
import { sha256Hex } from '@liaison/platform';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { AuthModule } from '../auth.module';
import { NO_CLIENT } from '../sessions/session-client';
import type { AccessTokenClaims } from './access-token-claims';
import { TokenService } from './token.service';

interface StoredToken {
  family: string;
  revoked: boolean;
}

/** Refresh tokens on the real database: rotation, replay of a spent token, logout. */
describe('TokenService (medium)', () => {
  let harness: MediumTest;
  let tokens: TokenService;
  let user: User;

  beforeAll(async () => {
    harness = await mediumTest({ imports: [AuditModule, AuthModule] });
    tokens = harness.get(TokenService);
    const agency = await harness.factory.agency();
    user = await harness.factory.user(agency, { roles: ['OFFICER'] });
  });

  afterAll(() => harness?.close());

  const stored = async (refreshToken: string): Promise<StoredToken> => {
    const [row] = await harness.sql<StoredToken>(
      'select family, revoked_at is not null as revoked from refresh_token where token_hash = $1',
      [sha256Hex(refreshToken)],
    );
    return row;
  };

  const sessionTrail = (family: string) =>
    harness.sql<{ action: string; actor: string | null }>(
      `select action, actor_user_id as actor from audit_event where data->>'sessionId' = $1 order by seq`,
      [family],
    );

  const signIn = () => tokens.issue(user, { methods: ['pwd'], secondFactorAt: null }, NO_CLIENT);

  it('rotates: the presented token is spent, the new one belongs to the same sign-in, both audited', async () => {
    const first = await signIn();
    const second = await tokens.rotate(first.refreshToken, { ...NO_CLIENT, clientRequestId: 'rotate-1' });

    expect(second.refreshToken).not.toBe(first.refreshToken);
    const claims = await harness.get(JwtService).verifyAsync<AccessTokenClaims>(second.accessToken);
    expect(claims).toMatchObject({ sub: user.id, agency: user.agency.id });
    const spent = await stored(first.refreshToken);
    expect(spent.revoked).toBe(true);
    expect(await stored(second.refreshToken)).toEqual({ family: spent.family, revoked: false });
    expect(await sessionTrail(spent.family)).toEqual([
      { action: 'auth.login', actor: user.id },
      { action: 'auth.refreshed', actor: user.id },
    ]);
  });

  it('revokes the whole sign-in when a spent token is presented again, and audits the replay', async () => {
    const first = await signIn();
    const second = await tokens.rotate(first.refreshToken, NO_CLIENT);
    const third = await tokens.rotate(second.refreshToken, NO_CLIENT);
    const other = await signIn();

    await expect(tokens.rotate(first.refreshToken, NO_CLIENT)).rejects.toThrow(UnauthorizedException);

    const { family } = await stored(first.refreshToken);
    const rows = await harness.sql<{ live: number }>(
      'select count(*)::int as live from refresh_token where family = $1 and revoked_at is null',
      [family],
    );
    expect(rows[0].live).toBe(0);
    const trail = await sessionTrail(family);
    expect(trail.map((entry) => entry.action)).toEqual([
      'auth.login',
      'auth.refreshed',
      'auth.refreshed',
      'auth.refresh_replayed',
    ]);
    expect(trail.at(-1)?.actor).toBeNull(); // whoever presented it is not known to be the user
    await expect(tokens.rotate(third.refreshToken, NO_CLIENT)).rejects.toThrow(UnauthorizedException);
    // another sign-in of the same user is not touched
    await expect(tokens.rotate(other.refreshToken, NO_CLIENT)).resolves.toHaveProperty('refreshToken');
  });

  it('logs out: the token and every token rotated from the same sign-in stop working', async () => {
    const first = await signIn();
    const second = await tokens.rotate(first.refreshToken, NO_CLIENT);

    await tokens.revoke(second.refreshToken, 'logout-1');

    expect(await stored(second.refreshToken)).toMatchObject({ revoked: true });
    await expect(tokens.rotate(second.refreshToken, NO_CLIENT)).rejects.toThrow(UnauthorizedException);
    const { family } = await stored(first.refreshToken);
    expect((await sessionTrail(family)).map((entry) => entry.action)).toEqual([
      'auth.login',
      'auth.refreshed',
      'auth.logout',
      'auth.refresh_replayed',
    ]);
  });

  it('lets only one of two concurrent rotations of the same token through', async () => {
    const first = await signIn();
    const outcomes = await Promise.allSettled([
      tokens.rotate(first.refreshToken, NO_CLIENT),
      tokens.rotate(first.refreshToken, NO_CLIENT),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses an expired token without treating it as a replay', async () => {
    const first = await signIn();
    await harness.sql(`update refresh_token set expires_at = now() - interval '1 second' where token_hash = $1`, [
      sha256Hex(first.refreshToken),
    ]);

    await expect(tokens.rotate(first.refreshToken, NO_CLIENT)).rejects.toThrow(UnauthorizedException);
    const { family, revoked } = await stored(first.refreshToken);
    expect(revoked).toBe(false);
    expect((await sessionTrail(family)).map((entry) => entry.action)).toEqual(['auth.login']);
  });

  it('ignores a logout with a token it never issued', async () => {
    const before = await harness.sql<{ count: number }>('select count(*)::int as count from audit_event');
    await expect(tokens.revoke('not-a-token-we-issued', null)).resolves.toBeUndefined();
    expect(await harness.sql('select count(*)::int as count from audit_event')).toEqual(before);
  });
});
