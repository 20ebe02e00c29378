import { Global, Module } from '@nestjs/common';
import { loadConfig, type LiaisonConfig } from './liaison-config';

/** Injection token of the platform's {@link LiaisonConfig}. */
export const LIAISON_CONFIG = Symbol('LIAISON_CONFIG');

@Global()
@Module({
  providers: [{ provide: LIAISON_CONFIG, useFactory: (): LiaisonConfig => loadConfig() }],
  exports: [LIAISON_CONFIG],
})
export class LiaisonConfigModule {}
