import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { humanize } from '../../components/labels';
import { t } from '../../i18n/t';
import type { BoardColumn } from './board-api';
import { BoardCardView } from './board-card';

/** A state's column: a labelled region with its cards, most recent activity first. */
export function BoardColumnView({ column }: { column: BoardColumn }) {
  const headingId = useId();
  const state = humanize(column.state);
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      bg="gray.0"
      p="sm"
      radius="md"
      w={264}
      data-testid="board-column"
      data-state={column.state}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          {state}
        </Title>
        <Badge color="indigo.9" variant="filled">
          {column.cards.length}
          <span className="visually-hidden"> {t('board.requestsInColumn')}</span>
        </Badge>
      </Group>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {column.cards.map((card) => (
          <BoardCardView key={card.id} card={card} />
        ))}
      </Stack>
    </Paper>
  );
}
