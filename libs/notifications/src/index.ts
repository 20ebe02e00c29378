export { CLOCK, systemClock, type Clock } from './clock/clock';
export { ManualClock } from './clock/manual-clock';
export { loadNotificationsConfig, NOTIFICATIONS_CONFIG, type NotificationsConfig } from './config/notifications-config';
export { NotificationsConfigModule } from './config/notifications-config.module';
export { DeadlineReconciler } from './deadlines/deadline-reconciler';
export { InboxModule } from './inbox/inbox.module';
export { QUEUE_BOARD_ROUTE, QueueBoardModule } from './admin/queue-board.module';
export { NotificationsApiModule } from './notifications-api.module';
export { NotificationProcessorsModule } from './processors/notification-processors.module';
export { NotificationQueueModule } from './queues/notification-queue.module';
export { NotificationScheduler } from './queues/notification-scheduler';
export { JOB_RETENTION, QueueConnectionModule } from './queues/queue-connection.module';
export {
  DEADLINES_QUEUE,
  EMAIL_QUEUE,
  INBOX_QUEUE,
  NOTIFICATIONS_QUEUE,
  NotificationJob,
  QUEUE_NAMES,
  WEBHOOKS_QUEUE,
  type WelcomeJobData,
} from './queues/queue-names';
export { Outbox, outboxRows, type OutboxEntry, type OutboxRow } from './outbox/outbox';
export { OutboxModule } from './outbox/outbox.module';
export { insertOutboxSql, OUTBOX_CHANNEL } from './outbox/outbox.sql';
export { OutboxRelay } from './relay/outbox-relay';
export { WebhooksModule } from './webhooks/webhooks.module';
export {
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from './webhooks/webhook-signature';
