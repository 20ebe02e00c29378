import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { PayloadField, WorkflowDescription } from '@liaison/domain';
import type { HistoryEntry, RequestView } from '../../../api/types';
import { formatDate, formatDateTime, humanize } from '../../../components/labels';
import { t } from '../../../i18n/t';

interface Props {
  entries: HistoryEntry[];
  request: RequestView;
  workflow?: WorkflowDescription;
}

/** The accepted events, oldest first, each answer under its question's wording. */
export function HistoryTimeline({ entries, request, workflow }: Props) {
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
                <PayloadSummary entry={entry} workflow={workflow} request={request} />
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function PayloadSummary({
  entry,
  workflow,
  request,
}: {
  entry: HistoryEntry;
  workflow?: WorkflowDescription;
  request: RequestView;
}) {
  const parties = [request.requestingAgency, request.requestedAgency];
  const fields = workflow?.events.find((event) => event.name === entry.event)?.payload ?? [];
  const parts = Object.entries(entry.payload ?? {}).map(([name, value]) => {
    const field = fields.find((each) => each.name === name);
    const agency = field?.type === 'reference' ? parties.find((party) => party.id === value) : undefined;
    const answer = agency ? `${agency.name} (${agency.country})` : answerInWords(value, field, workflow);
    return `${field?.description ?? humanize(name)}: ${answer}`;
  });
  if (parts.length === 0) return null;
  return (
    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.join('\n')}
    </Text>
  );
}

/** An answer as words: "Yes", the wording of a ground, "2 attachments", a date; never a code or `true`. */
export function answerInWords(value: unknown, field: PayloadField | undefined, workflow?: WorkflowDescription): string {
  const grounds = new Map((workflow?.refusalGrounds ?? []).map((ground) => [ground.code, ground.description]));
  const word = (item: unknown) => grounds.get(String(item)) ?? humanize(String(item));
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field?.type === 'references' && Array.isArray(value)) return t('detail.attachmentCount', { count: value.length });
  if (field?.type === 'date' && typeof value === 'string') return formatDate(value);
  if (field?.type === 'reference') return t('detail.anotherAgency');
  if (Array.isArray(value)) return value.map(word).join('; ');
  if (field?.type === 'choice') return word(value);
  return String(value);
}
