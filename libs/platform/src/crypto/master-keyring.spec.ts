import { randomBytes } from 'node:crypto';
import { loadConfig } from '../liaison-config';
import { masterKeyId } from './master-key';
import { MasterKeyring, UnknownMasterKeyError } from './master-keyring';

describe('master keyring from the environment', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
  const development = { LIAISON_DEVELOPMENT: '1' };
  const keyring = (env: Record<string, string>) => MasterKeyring.fromConfig(loadConfig(env).personalData);

  it('reads LIAISON_MASTER_KEY and the previous keys of a rotation, by id', () => {
    const [current, previous] = [randomBytes(32), randomBytes(32)];
    const ring = keyring({
      ...production,
      LIAISON_MASTER_KEY: current.toString('base64'),
      LIAISON_PREVIOUS_MASTER_KEY: previous.toString('base64url'),
    });
    expect(ring.current.id).toBe(masterKeyId(current));
    expect(ring.previousIds).toEqual([masterKeyId(previous)]);
    expect(ring.get(masterKeyId(previous)).key.equals(previous)).toBe(true);
    expect(() => ring.get('0000000000000000')).toThrow(UnknownMasterKeyError);
  });

  it('refuses to start in production without a master key, and anywhere with one that is not 32 bytes', () => {
    expect(() => keyring(production)).toThrow('LIAISON_MASTER_KEY must be set');
    expect(() => keyring({ JWT_SECRET: 'x'.repeat(32) })).toThrow('LIAISON_MASTER_KEY must be set');
    expect(() => loadConfig({ ...development, LIAISON_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(
      '32 bytes',
    );
    expect(() => loadConfig({ ...development, LIAISON_PREVIOUS_MASTER_KEY: 'short' })).toThrow(
      'LIAISON_PREVIOUS_MASTER_KEY',
    );
  });

  it('falls back to a fixed development key under the development setting only, and keeps identities 10 years', () => {
    const fixed = keyring(development).current;
    expect(fixed.id).toBe(keyring({ ...development, NODE_ENV: 'test' }).current.id);
    expect(() => keyring({ ...production, LIAISON_MASTER_KEY: fixed.key.toString('base64') })).toThrow(
      'LIAISON_MASTER_KEY is a known development value',
    );
    expect(loadConfig(development).personalData.retentionYears).toBe(10);
    expect(loadConfig({ ...development, PERSON_RETENTION_YEARS: '0' }).personalData.retentionYears).toBe(0);
  });
});
