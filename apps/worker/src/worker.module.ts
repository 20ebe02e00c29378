import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule } from '@liaison/data';
import { NotificationProcessorsModule } from '@liaison/notifications';
import { LIAISON_CONFIG, LiaisonConfigModule, pinoOptions, type LiaisonConfig } from '@liaison/platform';

/** The worker: the outbox relay, the deadline clocks and one BullMQ worker per queue (and, later, audit checkpoints). */
@Module({
  imports: [
    LiaisonConfigModule,
    LoggerModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({ pinoHttp: pinoOptions(config) }),
    }),
    DatabaseModule,
    NotificationProcessorsModule,
  ],
})
export class WorkerModule {}
