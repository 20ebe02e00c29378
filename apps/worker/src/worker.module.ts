import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditCheckpointsModule } from '@liaison/audit';
import { DatabaseModule } from '@liaison/data';
import { NotificationProcessorsModule } from '@liaison/notifications';
import { LIAISON_CONFIG, LiaisonConfigModule, pinoOptions, type LiaisonConfig } from '@liaison/platform';
import { PersonRetentionModule } from '@liaison/requests';

/**
 * The worker: the outbox relay, the deadline clocks and one BullMQ worker per queue, the audit checkpoints, and the
 * retention of victims' personal data.
 */
@Module({
  imports: [
    LiaisonConfigModule,
    LoggerModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({ pinoHttp: pinoOptions(config) }),
    }),
    DatabaseModule,
    NotificationProcessorsModule,
    AuditCheckpointsModule,
    PersonRetentionModule,
  ],
})
export class WorkerModule {}
