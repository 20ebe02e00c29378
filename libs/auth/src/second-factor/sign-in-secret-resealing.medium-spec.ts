import { randomBytes } from 'node:crypto';
import { AuditModule } from '@liaison/audit';
import { AuthSessionSchema, TotpCredentialSchema, type User } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { AuthModule } from '../auth.module';
import { openSessionClient } from '../sessions/session-client';
import { TokenService } from '../tokens/token.service';
import { resealSignInSecrets } from './sign-in-secret-resealing';
import { Totp } from './totp';
import { openTotpSecret } from './totp-secret-box';

/** A master-key rotation re-seals TOTP secrets and session clients: the retired key can then be dropped. */
describe('re-sealing sign-in secrets at a master-key rotation (medium)', () => {
  let harness: MediumTest;
  let user: User;

  beforeAll(async () => {
    harness = await mediumTest({ imports: [AuditModule, AuthModule] });
    user = await harness.factory.user(await harness.factory.agency(), { roles: ['OFFICER'] });
  });

  afterAll(() => harness?.close());

  it('moves every secret and client from the retired key to the new one, readable with the new key alone', async () => {
    const { secret } = await harness.get(Totp).begin(user);
    await harness
      .get(TokenService)
      .issue(
        user,
        { methods: ['pwd'], secondFactorAt: null },
        { clientRequestId: null, ip: '192.0.2.7', userAgent: 'UA' },
      );
    const retired = harness.get(MasterKeyring);
    const fresh = randomBytes(32);
    const rotation = new MasterKeyring(fresh, [retired.current.key]);

    const result = await resealSignInSecrets(harness.em(), rotation);

    expect(result).toEqual({ totpSecrets: 1, sessionClients: 1, toMasterKeyId: rotation.current.id });
    const onlyNew = new MasterKeyring(fresh);
    const stored = await harness
      .em()
      .findOneOrFail(TotpCredentialSchema, { user: user.id }, { populate: ['secretCiphertext'] });
    expect(stored.secretKeyId).toBe(onlyNew.current.id);
    expect(openTotpSecret(Buffer.from(stored.secretCiphertext), user.id, stored.secretKeyId, onlyNew)).toBe(secret);
    const session = await harness
      .em()
      .findOneOrFail(AuthSessionSchema, { user: user.id }, { populate: ['clientCiphertext'] });
    const client = openSessionClient(
      Buffer.from(session.clientCiphertext as Uint8Array),
      session.id,
      session.clientKeyId as string,
      onlyNew,
    );
    expect(client).toEqual({ ip: '192.0.2.7', userAgent: 'UA' });
    expect(await resealSignInSecrets(harness.em(), rotation)).toMatchObject({ totpSecrets: 0, sessionClients: 0 });
  });
});
