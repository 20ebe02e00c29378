import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { HistoryEntry, RequestView } from '../../../api/types';
import { formatDateTime, humanize } from '../../../components/labels';
import { t } from '../../../i18n/t';

/** The accepted events, oldest first. */
export function HistoryTimeline({ entries, request }: { entries: HistoryEntry[]; request: RequestView }) {
  const agencyName = (id: string) =>
    [request.requestingAgency, request.requestedAgency].find((party) => party.id === id)?.name ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('detail.history')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm">{t('detail.historyEmpty')}</Text>
      ) : (
        <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} aria-label={t('detail.history')}>
          {entries.map((entry) => (
            <Timeline.Item
              key={entry.version}
              title={t('detail.historyLine', {
                event: humanize(entry.event),
                from: humanize(entry.from),
                to: humanize(entry.to),
              })}
            >
              <Text size="xs" c="gray.8">
                {formatDateTime(entry.occurredAt)} · {agencyName(entry.actorAgencyId)}
              </Text>
              {entry.payload === null ? (
                <Text size="xs" fs="italic">
                  {t('detail.payloadPurged')}
                </Text>
              ) : (
                <PayloadSummary payload={entry.payload} />
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function PayloadSummary({ payload }: { payload: Record<string, unknown> }) {
  const parts = Object.entries(payload).map(
    ([name, value]) =>
      `${humanize(name)}: ${Array.isArray(value) ? value.map(String).map(humanize).join(', ') : String(value)}`,
  );
  if (parts.length === 0) return null;
  return (
    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.join('\n')}
    </Text>
  );
}
