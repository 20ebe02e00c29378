import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AgenciesModule } from '@liaison/agencies';
import { AuthModule } from '@liaison/auth';
import { DatabaseModule } from '@liaison/data';
import { NotificationQueueModule } from '@liaison/notifications';
import { LIAISON_CONFIG, LiaisonConfigModule, RedisClientModule, type LiaisonConfig } from '@liaison/platform';
import { HealthModule } from './health/health.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { LoggingModule } from './observability/logger.module';
import { ObservabilityModule } from './observability/observability.module';

@Module({
  imports: [
    LiaisonConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisClientModule,
    ThrottlerModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
    }),
    NotificationQueueModule,
    HealthModule,
    ObservabilityModule,
    AuthModule,
    AgenciesModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
