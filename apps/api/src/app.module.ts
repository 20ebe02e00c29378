import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AgenciesModule } from '@liaison/agencies';
import { AuditModule } from '@liaison/audit';
import { AuthModule, SsoModule } from '@liaison/auth';
import { DatabaseModule } from '@liaison/data';
import { NotificationQueueModule, NotificationsApiModule, OutboxModule } from '@liaison/notifications';
import { LiaisonConfigModule, RedisClientModule } from '@liaison/platform';
import { RequestsModule } from '@liaison/requests';
import { WorkflowModule } from '@liaison/workflow';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RateLimitModule } from './http/rate-limit/rate-limit.module';
import { LoggingModule } from './observability/logger.module';
import { ObservabilityModule } from './observability/observability.module';

@Module({
  imports: [
    LiaisonConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisClientModule,
    RateLimitModule,
    NotificationQueueModule,
    HealthModule,
    ObservabilityModule,
    AuditModule,
    OutboxModule,
    AuthModule,
    SsoModule,
    AgenciesModule,
    RequestsModule,
    WorkflowModule,
    NotificationsApiModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
