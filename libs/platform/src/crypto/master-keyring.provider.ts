import type { Provider } from '@nestjs/common';
import { LIAISON_CONFIG } from '../config.module';
import type { LiaisonConfig } from '../liaison-config';
import { MasterKeyring } from './master-keyring';

/** The process's master keys, from LIAISON_MASTER_KEY and LIAISON_PREVIOUS_MASTER_KEY. */
export const MASTER_KEYRING_PROVIDER: Provider = {
  provide: MasterKeyring,
  inject: [LIAISON_CONFIG],
  useFactory: (config: LiaisonConfig) => MasterKeyring.fromConfig(config.personalData),
};
