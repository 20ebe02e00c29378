import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { ormConfig } from './orm-config';

/** MikroORM on PostgreSQL for a Nest application; the EntityManager is then injectable everywhere. */
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({
        ...ormConfig(config.databaseUrl),
        registerRequestContext: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
