import { Module } from '@nestjs/common';
import { AuditModule } from '@liaison/audit';
import { MASTER_KEYRING_PROVIDER, MetricsServer } from '@liaison/platform';
import { AccountLinkEmails } from '../account-links/account-link-emails';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { NotificationsConfigModule } from '../config/notifications-config.module';
import { DeadlineArming } from '../deadlines/deadline-arming';
import { DeadlineFiring } from '../deadlines/deadline-firing';
import { DeadlineReminding } from '../deadlines/deadline-reminding';
import { DeadlineReconciler } from '../deadlines/deadline-reconciler';
import { DeadlineSync } from '../deadlines/deadline-sync';
import { NoticeFanOut } from '../dispatch/notice-fan-out';
import { NoticeSource } from '../dispatch/notice-source';
import { NotificationDispatcher } from '../dispatch/notification-dispatcher';
import { RecipientResolver } from '../dispatch/recipient-resolver';
import { AccountEmails } from '../email/account-emails';
import { EmailNotices } from '../email/email-notices';
import { MailTransport } from '../email/mail-transport';
import { InboxNotices } from '../inbox/inbox-notices';
import { InboxWriter } from '../inbox/inbox-writer';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { OutboxModule } from '../outbox/outbox.module';
import { NotificationQueueModule } from '../queues/notification-queue.module';
import { OutboxJobs } from '../relay/outbox-jobs';
import { OutboxListener } from '../relay/outbox-listener';
import { OutboxPublisher } from '../relay/outbox-publisher';
import { OutboxRelay } from '../relay/outbox-relay';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import { WebhookDestinationsModule } from '../webhooks/webhook-destinations.module';
import { WebhookEventSource } from '../webhooks/webhook-event-source';
import { WebhookSecretSealingAtStart } from '../webhooks/webhook-secret-sealing';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { WebhookSender } from '../webhooks/webhook-sender';
import { QueueWorkers } from '../workers/queue-workers';
import { EmailProcessor, InboxProcessor, WebhookProcessor } from './channel.processors';
import { DeadlineProcessor } from './deadline.processor';
import { NotificationProcessor } from './notification.processor';
import { WelcomeNotice } from './welcome-notice';

/** Consumer side, for the worker only: the relay, the deadline clocks and one BullMQ worker per queue. */
@Module({
  imports: [NotificationsConfigModule, NotificationQueueModule, OutboxModule, AuditModule, WebhookDestinationsModule],
  providers: [
    OutboxPublisher,
    OutboxJobs,
    NoticeFanOut,
    OutboxRelay,
    OutboxListener,
    RecipientResolver,
    NoticeSource,
    NotificationDispatcher,
    InboxWriter,
    InboxNotices,
    WelcomeNotice,
    MailTransport,
    EmailNotices,
    AccountLinkEmails,
    AccountEmails,
    WebhookDeliveries,
    WebhookEventSource,
    MASTER_KEYRING_PROVIDER,
    WebhookSecrets,
    WebhookSecretSealingAtStart,
    WebhookSender,
    DeadlineArming,
    DeadlineSync,
    DeadlineFiring,
    DeadlineReminding,
    DeadlineReconciler,
    WorkerMetrics,
    // The worker has no HTTP API: when WORKER_METRICS_PORT is set, it serves `/metrics` there for Prometheus.
    {
      provide: MetricsServer,
      inject: [NOTIFICATIONS_CONFIG],
      useFactory: (config: NotificationsConfig) => new MetricsServer(config.metrics),
    },
    NotificationProcessor,
    InboxProcessor,
    EmailProcessor,
    WebhookProcessor,
    DeadlineProcessor,
    QueueWorkers,
  ],
  exports: [OutboxRelay, DeadlineReconciler],
})
export class NotificationProcessorsModule {}
