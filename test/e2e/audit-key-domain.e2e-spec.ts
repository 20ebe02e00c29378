import { generateKeyPairSync } from 'node:crypto';
import { AuditSigner, keyIdOf } from '@liaison/audit';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { startCheckpointBuilder } from './support/audit-trail-fixtures';

/** The api holds the public key only: the private key that signs checkpoints stays in the worker. */
describe('the audit signing key stays in the worker (e2e)', () => {
  let api: ApiHarness;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKey = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

  beforeAll(async () => {
    process.env['AUDIT_SIGNING_KEY'] = signingKey; // the test environment gives the api its public key
    api = await startApi({ AUDIT_SIGNING_KEY: '' }); // blank counts as unset
  });

  afterAll(() => api.close());

  it('starts the api without AUDIT_SIGNING_KEY, and it still serves the public key', async () => {
    expect(() => api.app.get(AuditSigner, { strict: false })).toThrow();
    const agency = await createAgency(api.em(), { name: 'CBI', country: 'IN' });
    const auditor = await createUser(api.em(), agency, { roles: ['AUDITOR'] });
    const key = await api
      .http()
      .get('/v1/audit/public-key')
      .auth(await api.login(auditor.email), { type: 'bearer' })
      .expect(200);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: keyIdOf(publicKey) });
  });

  it('lets the worker sign with the key whose public half the api serves', async () => {
    process.env['AUDIT_SIGNING_KEY'] = signingKey;
    const checkpoints = await startCheckpointBuilder(api.environment);
    try {
      const [checkpoint] = await checkpoints.builder.buildPending();
      const auditor = await createUser(api.em(), await createAgency(api.em(), { name: 'NP', country: 'NP' }), {
        roles: ['AUDITOR'],
      });
      const token = await api.login(auditor.email);
      const key = await api.http().get('/v1/audit/public-key').auth(token, { type: 'bearer' }).expect(200);
      expect(checkpoint.keyId).toBe(key.body.keyId);
      const verified = await api.http().post('/v1/audit/verify').auth(token, { type: 'bearer' }).send({}).expect(200);
      expect(verified.body).toMatchObject({ ok: true });
    } finally {
      await checkpoints.close();
    }
  });
});
