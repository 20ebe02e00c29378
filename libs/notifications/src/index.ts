export { NotificationProcessorsModule } from './processors/notification-processors.module';
export { NotificationQueueModule } from './queues/notification-queue.module';
export { NotificationScheduler } from './queues/notification-scheduler';
export { JOB_RETENTION, QueueConnectionModule } from './queues/queue-connection.module';
export {
  NOTIFICATIONS_QUEUE,
  NotificationJob,
  type NotificationJobData,
  type WelcomeJobData,
} from './queues/queue-names';
export { Outbox, type OutboxEntry } from './outbox/outbox';
export { OutboxModule } from './outbox/outbox.module';
