import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './notifications-config';

/** The channels' settings and the clock, for both apps. */
@Global()
@Module({
  providers: [
    { provide: NOTIFICATIONS_CONFIG, useFactory: loadNotificationsConfig },
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [NOTIFICATIONS_CONFIG, CLOCK],
})
export class NotificationsConfigModule {}
