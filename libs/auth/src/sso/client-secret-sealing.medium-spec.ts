import { randomBytes } from 'node:crypto';
import { AuditModule, AuditTrail } from '@liaison/audit';
import { AgencySignOnSchema } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { AuthModule } from '../auth.module';
import { openClientSecret, sealClientSecret } from './client-secret-box';
import { resealClientSecrets } from './client-secret-sealing';

/** A master-key rotation re-seals the agencies' OpenID client secrets under the new key, on the real database. */
describe('re-sealing OpenID client secrets (medium)', () => {
  let harness: MediumTest;

  beforeAll(async () => {
    harness = await mediumTest({ imports: [AuditModule, AuthModule] });
  });

  afterAll(() => harness?.close());

  it('moves every secret under a key the keyring holds to the current key, and leaves the others counted', async () => {
    const retired = randomBytes(32);
    const lost = randomBytes(32);
    const next = new MasterKeyring(randomBytes(32), [retired]);
    const old = new MasterKeyring(retired);
    const stranded = new MasterKeyring(lost);
    const rows = [];
    for (const keyring of [old, old, stranded]) {
      const agency = await harness.factory.agency();
      const admin = await harness.factory.user(agency, { roles: ['ADMIN'] });
      const secret = randomBytes(16).toString('hex');
      const em = harness.em();
      em.create(AgencySignOnSchema, {
        agency,
        issuer: 'https://idp.example',
        clientId: 'liaison',
        clientSecretCiphertext: sealClientSecret(secret, agency.id, keyring.current),
        clientSecretKeyId: keyring.current.id,
        updatedBy: admin,
      });
      await em.flush();
      rows.push({ agencyId: agency.id, secret });
    }

    const result = await resealClientSecrets(harness.em(), harness.get(AuditTrail), next);

    expect(result).toEqual({ toMasterKeyId: next.current.id, sealed: 2, remaining: 1 });
    for (const { agencyId, secret } of rows.slice(0, 2)) {
      const row = await harness
        .em()
        .findOneOrFail(AgencySignOnSchema, { agency: agencyId }, { populate: ['clientSecretCiphertext'] });
      expect(row.clientSecretKeyId).toBe(next.current.id);
      expect(openClientSecret(Buffer.from(row.clientSecretCiphertext), agencyId, row.clientSecretKeyId, next)).toBe(
        secret,
      );
    }
    const [entry] = await harness.sql<{ data: Record<string, unknown> }>(
      `select data from audit_event where action = 'sso_client_secrets.sealed'`,
    );
    expect(entry.data).toEqual({ count: 2, from: [old.current.id], toMasterKeyId: next.current.id });
    expect(await resealClientSecrets(harness.em(), harness.get(AuditTrail), next)).toMatchObject({ sealed: 0 });
  });
});
