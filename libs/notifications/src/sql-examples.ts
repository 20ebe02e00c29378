import { EXAMPLE_IDS, EXAMPLE_TIME, type SqlExample } from '@liaison/data';
import { deadlineSyncLockSql, reminderSentSql, requestClockSql } from './deadlines/deadlines.sql';
import { filerUsersSql, partyUsersSql, taskForceUsersSql } from './dispatch/recipients.sql';
import { inboxRequestsSql, markAllReadSql } from './inbox/inbox-requests.sql';
import { claimOutboxBatchSql, insertOutboxSql, noticeRowSql, OUTBOX_BACKLOG_SQL } from './outbox/outbox.sql';
import {
  cancelDeliverySql,
  deliveryEndpointSql,
  deliverySql,
  endpointSecretsSql,
  recordAttemptSql,
  secretsNotUnderSql,
  secretsToSealSql,
  storeSecretsSql,
  subscribedEndpointsSql,
  upsertDeliverySql,
} from './webhooks/webhooks.sql';

const { agency, counterpart, request, webhookEndpoint, fresh } = EXAMPLE_IDS;
const event = {
  id: fresh,
  type: 'request.submit',
  occurredAt: EXAMPLE_TIME.toISOString(),
  data: { requestId: request, reference: 'MLA-2026-000001' },
};
const outboxRow = (id: string, topic: string) => ({
  id,
  topic,
  requestId: request,
  payload: { requestId: request, event: 'submit' },
  createdAt: EXAMPLE_TIME,
  publishedAt: null,
});

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'inbox-requests', statement: inboxRequestsSql([request], { agencyId: agency, userId: EXAMPLE_IDS.user }) },
  { name: 'inbox-mark-all-read', statement: markAllReadSql(EXAMPLE_IDS.user, EXAMPLE_TIME) },
  {
    name: 'insert-outbox',
    statement: insertOutboxSql([
      outboxRow(fresh, 'notify'),
      outboxRow('00000000-0000-7000-8000-0000000000fe', 'start_timer'),
    ]),
  },
  { name: 'claim-outbox-batch', statement: claimOutboxBatchSql(100) },
  { name: 'outbox-backlog', statement: OUTBOX_BACKLOG_SQL },
  { name: 'notice-row', statement: noticeRowSql(fresh) },
  { name: 'deadline-sync-lock', statement: deadlineSyncLockSql(request) },
  { name: 'deadline-reminder-sent', statement: reminderSentSql(fresh, `${fresh}-2026-12-01T00:00:00.000Z-86400000`) },
  { name: 'request-clock', statement: requestClockSql(request) },
  { name: 'party-users', statement: partyUsersSql([agency, counterpart]) },
  { name: 'task-force-users', statement: taskForceUsersSql([request]) },
  { name: 'filer-users', statement: filerUsersSql([request]) },
  { name: 'party-user', statement: partyUsersSql([agency], fresh) },
  { name: 'task-force-user', statement: taskForceUsersSql([request], fresh) },
  { name: 'filer-user', statement: filerUsersSql([request], fresh) },
  { name: 'subscribed-endpoints', statement: subscribedEndpointsSql([agency, counterpart]) },
  { name: 'upsert-delivery', statement: upsertDeliverySql(fresh, webhookEndpoint, event) },
  { name: 'delivery-endpoint', statement: deliveryEndpointSql(webhookEndpoint) },
  { name: 'delivery', statement: deliverySql(fresh) },
  { name: 'cancel-delivery', statement: cancelDeliverySql(fresh) },
  { name: 'endpoint-secrets', statement: endpointSecretsSql(webhookEndpoint) },
  {
    name: 'store-secrets',
    statement: storeSecretsSql(
      webhookEndpoint,
      { current: Buffer.from('sealed-current'), previous: Buffer.from('sealed-previous'), keyId: '0123456789abcdef' },
      EXAMPLE_TIME,
    ),
  },
  { name: 'secrets-to-seal', statement: secretsToSealSql(['0123456789abcdef', 'fedcba9876543210'], 200) },
  { name: 'secrets-not-under', statement: secretsNotUnderSql('0123456789abcdef') },
  {
    name: 'record-attempt',
    statement: recordAttemptSql(
      fresh,
      { at: EXAMPLE_TIME.toISOString(), status: 200, error: null, durationMs: 12 },
      'delivered',
      EXAMPLE_TIME,
    ),
  },
];
