import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RequestSummary } from '../../../api/types';
import { formatDateTime, humanize, kindLabel } from '../../../components/labels';
import { deadlineUrgency, describeRemaining } from '../../../components/time-left';
import { useNow } from '../../../components/use-now';
import { t } from '../../../i18n/t';

/** The other party, seen from the caller's agency. */
const counterpartOf = (row: RequestSummary) =>
  row.relation === 'requesting' ? row.requestedAgency : row.requestingAgency;

export function RequestTable({ rows }: { rows: RequestSummary[] }) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('requests.table.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.table.reference')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.kind')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.title')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.counterpart')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.state')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.deadline')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const counterpart = counterpartOf(row);
            return (
              <Table.Tr key={row.id} bg={row.overdue ? 'red.0' : undefined} data-overdue={row.overdue || undefined}>
                <Table.Td>
                  <Anchor component={Link} to={`/requests/${row.id}`} fw={600} ff="monospace">
                    {row.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{kindLabel(row.kind)}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {row.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {counterpart.name} ({counterpart.country})
                </Table.Td>
                <Table.Td>{humanize(row.state)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {row.overdue && (
                      <Badge color="red.9" variant="filled">
                        {t('requests.overdue')}
                      </Badge>
                    )}
                    {!row.overdue && row.nextDueAt && <NextDeadline dueAt={row.nextDueAt} now={now} />}
                    {row.urgency === 'urgent' && (
                      <Badge color="#9c3d0a" variant="outline">
                        {t('requests.urgent')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(row.lastActivityAt)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The time left on the earliest running clock; a close one is a filled badge. */
function NextDeadline({ dueAt, now }: { dueAt: string; now: number }) {
  const remainingMs = new Date(dueAt).getTime() - now;
  const soon = deadlineUrgency(remainingMs) !== 'ok';
  return (
    <Badge
      color={soon ? '#9c3d0a' : 'gray.8'}
      variant={soon ? 'filled' : 'outline'}
      title={formatDateTime(dueAt)}
      data-deadline-soon={soon || undefined}
    >
      {describeRemaining(remainingMs)}
    </Badge>
  );
}
