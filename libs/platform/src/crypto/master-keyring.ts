import type { LiaisonConfig } from '../liaison-config';
import { toMasterKey, type MasterKey } from './master-key';

/** Thrown when a person's data key was wrapped by a master key this process was not given. */
export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(`master key ${masterKeyId} is not configured (LIAISON_MASTER_KEY / LIAISON_PREVIOUS_MASTER_KEY)`);
  }
}

/**
 * The master keys of this process: the current one wraps every new data key; previous ones (during a rotation)
 * only unwrap the data keys that the rotation has not re-wrapped yet.
 */
export class MasterKeyring {
  readonly current: MasterKey;
  private readonly byId: Map<string, MasterKey>;

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.current = toMasterKey(current);
    const keys = [this.current, ...previous.map(toMasterKey)];
    this.byId = new Map(keys.reverse().map((key) => [key.id, key]));
  }

  /** Refuses to go on without a master key: every person's identity depends on it (required outside development). */
  static fromConfig(config: LiaisonConfig['personalData']): MasterKeyring {
    if (!config.masterKey) {
      throw new Error('LIAISON_MASTER_KEY must be set (32 random bytes, base64) outside development');
    }
    return new MasterKeyring(config.masterKey, config.previousMasterKeys);
  }

  /** Ids of the previous keys this keyring can still unwrap with. */
  get previousIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }

  get(id: string): MasterKey {
    const key = this.byId.get(id);
    if (!key) throw new UnknownMasterKeyError(id);
    return key;
  }
}
