import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo accounts' password unless LIAISON_DEMO_PASSWORD says otherwise. For development only. */
export const DEMO_PASSWORD_DEFAULT = 'liaison-demo-2026';

export interface DevelopmentSecrets {
  jwtSecret: string;
}

/**
 * Secrets for a developer's machine: generated on the first start and kept in the git-ignored `.data` folder,
 * so sessions survive restarts. Production takes them from the environment (the apps refuse to start without).
 */
export function developmentSecrets(dataRoot: string): DevelopmentSecrets {
  const file = join(dataRoot, 'development-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevelopmentSecrets;
  mkdirSync(dataRoot, { recursive: true });
  const secrets: DevelopmentSecrets = { jwtSecret: randomBytes(48).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
