import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVELOPMENT_SECRET_PREFIX } from '@liaison/platform';

export interface DevelopmentSecrets {
  /** Starts with DEVELOPMENT_SECRET_PREFIX, so that the apps refuse it outside development. */
  jwtSecret: string;
  /** Ed25519 private key signing audit checkpoints, base64 PKCS#8 DER (AUDIT_SIGNING_KEY). */
  auditSigningKey: string;
  /** Password of the application database role (DATABASE_APP_PASSWORD). */
  databaseAppPassword: string;
  /** Password of the worker's database role (DATABASE_WORKER_PASSWORD). */
  databaseWorkerPassword: string;
  /** 32 random bytes, base64: wraps every person's data key (LIAISON_MASTER_KEY). */
  masterKey: string;
}

/**
 * Secrets for a developer's machine: generated on the first start and kept in the git-ignored `.data` folder,
 * so sessions survive restarts. Elsewhere they come from the environment (the apps refuse to start without).
 */
export function developmentSecrets(dataRoot: string): DevelopmentSecrets {
  const file = join(dataRoot, 'development-secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevelopmentSecrets>) : {};
  const secrets: DevelopmentSecrets = {
    jwtSecret: stored.jwtSecret ?? `${DEVELOPMENT_SECRET_PREFIX}${randomBytes(48).toString('base64url')}`,
    auditSigningKey: stored.auditSigningKey ?? developmentSigningKey(),
    databaseAppPassword: stored.databaseAppPassword ?? randomBytes(24).toString('base64url'),
    databaseWorkerPassword: stored.databaseWorkerPassword ?? randomBytes(24).toString('base64url'),
    masterKey: stored.masterKey ?? randomBytes(32).toString('base64'),
  };
  // Written again when a secret was added since the file was created (an older checkout's file keeps its others).
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

function developmentSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
