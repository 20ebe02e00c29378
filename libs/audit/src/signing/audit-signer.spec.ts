import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@liaison/platform';
import { checkSignedCheckpoint, statementOf } from '../checkpoints/checkpoint-statement';
import { AuditSigner } from './audit-signer';
import { keyIdOf, parsePublicKey } from './signing-key';

describe('AuditSigner and AUDIT_SIGNING_KEY', () => {
  const development = { LIAISON_DEVELOPMENT: '1' };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const base64 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const statement = statementOf({
    seq: 1,
    xidFrom: '0',
    xidTo: '10',
    treeSize: 3,
    rootHash: 'a'.repeat(64),
    previousHash: '0'.repeat(64),
    createdAt: '2026-11-23T00:00:00.000Z',
    keyId: keyIdOf(publicKey),
  });

  it.each([
    ['PEM', pem],
    ['base64 PKCS#8', base64],
  ])('signs checkpoints with a key given as %s', (_format, key) => {
    const signer = new AuditSigner(loadConfig({ ...development, AUDIT_SIGNING_KEY: key }));
    expect(signer.keyId).toBe(keyIdOf(publicKey));
    const signed = signer.sign(statement);
    expect(checkSignedCheckpoint(signed, publicKey)).toBeNull();
    expect(checkSignedCheckpoint({ ...signed, treeSize: 4 }, publicKey)).toBe('hash');
    expect(
      checkSignedCheckpoint(
        { ...signed, signature: signed.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
        publicKey,
      ),
    ).toBe('signature');
  });

  it('reads the public key as PEM or as the public-key endpoint answers it', () => {
    const spki = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(keyIdOf(parsePublicKey(spki))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(parsePublicKey(JSON.stringify({ algorithm: 'Ed25519', publicKeyPem: spki })))).toBe(
      keyIdOf(publicKey),
    );
  });

  it('refuses a key that is not Ed25519, and a missing key outside development', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => loadConfig({ ...development, AUDIT_SIGNING_KEY: rsa })).toThrow(
      'AUDIT_SIGNING_KEY must be an Ed25519 private key',
    );
    expect(() => loadConfig({ ...development, AUDIT_SIGNING_KEY: 'not a key' })).toThrow('AUDIT_SIGNING_KEY');
    const production = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      LIAISON_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(() => new AuditSigner(production)).toThrow('AUDIT_SIGNING_KEY must be set');
    const withoutNodeEnv = loadConfig({ JWT_SECRET: 'x'.repeat(32) });
    expect(() => new AuditSigner(withoutNodeEnv)).toThrow('AUDIT_SIGNING_KEY must be set');
    expect(new AuditSigner(loadConfig(development)).available).toBe(false);
  });
});
