import { Blockquote, Text } from '@mantine/core';
import type { WorkflowDescription } from '@liaison/domain';
import type { HistoryEntry, RequestView } from '../../../api/types';
import { eventPhrase, formatDateTime } from '../../../components/labels';
import { t } from '../../../i18n/t';
import { enteringEntry } from './waiting-on';

interface Props {
  request: RequestView;
  history: readonly HistoryEntry[];
  workflow: WorkflowDescription;
}

/**
 * What the other side wrote when it brought the request into its current state (the information it needs, the
 * assurances it asks for): the question an answer replies to. Nothing when the viewer's own agency did.
 */
export function AskedQuestion({ request, history, workflow }: Props) {
  const entry = enteringEntry(request, history);
  const mine = request.relation === 'requesting' ? request.requestingAgency : request.requestedAgency;
  if (!entry?.payload || request.relation === 'task_force' || entry.actorAgencyId === mine.id) return null;
  const payload = entry.payload;
  const fields = workflow.events.find((event) => event.name === entry.event)?.payload ?? [];
  const texts = fields.filter((field) => field.type === 'text' && typeof payload[field.name] === 'string');
  if (texts.length === 0) return null;
  const agency =
    entry.actorAgencyId === request.requestedAgency.id ? request.requestedAgency : request.requestingAgency;
  return (
    <Blockquote p="sm" color="indigo" data-testid="asked-question">
      <Text size="sm" fw={600} mb={4}>
        {t('detail.next.asked', {
          agency: agency.name,
          event: eventPhrase(entry.event),
          time: formatDateTime(entry.occurredAt),
        })}
      </Text>
      {texts.map((field) => (
        <Text key={field.name} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {field.description}: {String(payload[field.name])}
        </Text>
      ))}
    </Blockquote>
  );
}
