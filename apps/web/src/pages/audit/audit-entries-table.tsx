import { Code, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../components/labels';
import { t } from '../../i18n/t';
import type { AuditEntry } from './audit-api';

const short = (id: string) => id.slice(-12);

/** Entries as references and hashes (the trail holds no personal data); full ids on hover and for screen readers. */
export function AuditEntriesTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  if (entries.length === 0) return <Text>{t('audit.noEntries')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder captionSide="top" data-testid="audit-entries">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.table.time')}</Table.Th>
            <Table.Th>{t('audit.table.action')}</Table.Th>
            <Table.Th>{t('audit.table.actor')}</Table.Th>
            <Table.Th>{t('audit.table.subject')}</Table.Th>
            <Table.Th>{t('audit.table.seq')}</Table.Th>
            <Table.Th>{t('audit.table.hash')}</Table.Th>
            <Table.Th>{t('audit.table.checkpoint')}</Table.Th>
            <Table.Th>{t('audit.table.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.occurredAt)}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{entry.actorUserId ? <Ident id={entry.actorUserId} /> : t('audit.system')}</Table.Td>
              <Table.Td>
                {entry.subjectType} <Ident id={entry.subjectId} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={entry.stream}>
                  {entry.seq}
                </Text>
              </Table.Td>
              <Table.Td>
                <Ident id={entry.hash} />
              </Table.Td>
              <Table.Td>{entry.checkpoint ?? t('audit.pending')}</Table.Td>
              <Table.Td>
                <Text size="xs" style={{ wordBreak: 'break-word' }}>
                  {summarise(entry.data)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Ident({ id }: { id: string }) {
  return (
    <Text span size="sm" ff="monospace" title={id}>
      …{short(id)}
    </Text>
  );
}

/** `event: approve, from: under_review, to: approved`: the entry's data in one line. */
function summarise(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ')
    .slice(0, 240);
}
