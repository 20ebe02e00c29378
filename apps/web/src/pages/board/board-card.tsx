import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Party } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { t } from '../../i18n/t';
import type { BoardCard } from './board-api';

const party = (agency: Party) => `${agency.name} (${agency.country})`;

/** One request on the board: reference (a link to it), title, counterpart, age; overdue or on time where a clock runs. */
export function BoardCardView({ card }: { card: BoardCard }) {
  const overdue = card.overdue;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      data-testid="board-card"
      data-reference={card.reference}
      style={overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/requests/${card.id}`} fw={700}>
            {card.reference}
          </Anchor>
          <Badge variant="outline" color="gray.8" size="sm">
            {card.handlingCode}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {card.title}
        </Text>
        {card.counterpart ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('board.counterpart')}:
            </Text>{' '}
            {party(card.counterpart)}
          </Text>
        ) : card.parties ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('board.parties')}:
            </Text>{' '}
            {party(card.parties.requesting)} → {party(card.parties.requested)}
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs">
          <Text size="sm">
            <Text span fw={600}>
              {t('board.age')}:
            </Text>{' '}
            {t('board.ageDays', { days: card.ageDays })}
          </Text>
          {overdue ? (
            <Badge color="red.9" variant="filled" size="sm">
              {t('board.overdue')}
            </Badge>
          ) : card.clockRunning ? (
            <Badge color="teal.9" variant="outline" size="sm">
              {t('board.onTime')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="gray.8">
          {t('board.lastActivity', { time: formatDateTime(card.lastActivityAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
