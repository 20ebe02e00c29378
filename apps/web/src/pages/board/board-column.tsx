import { Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { RequestKind } from '@liaison/domain';
import { useEffect, useId, useState } from 'react';
import { humanize } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { useBoardColumn, type BoardCard, type BoardColumn } from './board-api';
import { BoardCardView } from './board-card';

interface Props {
  /** The column as the board's latest poll has it: its counts and first page. */
  column: BoardColumn;
  kind: RequestKind;
  taskForceId: string;
  agencyId: string | null;
  /** A final state's column starts folded: its title and count only. */
  final?: boolean;
}

/**
 * A state's column: a labelled region with its cards, most recent activity first, "N of M" and a button for the
 * next page. Until the user asks for more it shows the board's first page; then its own pages, polled alike.
 */
export function BoardColumnView({ column, kind, taskForceId, agencyId, final = false }: Props) {
  const headingId = useId();
  const cardsId = useId();
  const state = humanize(column.state);
  const [open, setOpen] = useState(!final);
  const [pagesWanted, setPagesWanted] = useState(1);
  const more = useBoardColumn(taskForceId, agencyId, kind, column.state, pagesWanted > 1);
  const pages = pagesWanted > 1 && more.data ? more.data.pages : [column];
  const { fetchNextPage, hasNextPage, isFetching, isError } = more;
  useEffect(() => {
    // after a failure the poll tries again, not this effect
    if (pages.length < pagesWanted && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [pages.length, pagesWanted, hasNextPage, isFetching, isError, fetchNextPage]);

  const cards = distinct(pages.flatMap((page) => page.cards));
  const count = pages[0]?.count ?? column.count;
  const nextCursor = pages[pages.length - 1]?.nextCursor ?? null;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      bg="gray.0"
      p="sm"
      radius="md"
      w={open ? 264 : 160}
      style={{ flexShrink: 0 }}
      data-testid="board-column"
      data-state={column.state}
      data-open={open}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {state}
        </Title>
        <Badge color="indigo.9" variant="filled" data-testid="board-column-count" styles={WHOLE_COUNT}>
          {open ? t('board.shown', { shown: cards.length, count }) : count}
          <span className="visually-hidden"> {t('board.requestsInColumn')}</span>
        </Badge>
      </Group>
      {final && (
        <Button
          variant="default"
          size="compact-sm"
          mb="xs"
          aria-expanded={open}
          aria-controls={cardsId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('board.fold') : t('board.unfold')}
          <span className="visually-hidden"> {state}</span>
        </Button>
      )}
      {open && (
        <Stack component="ul" id={cardsId} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {cards.map((card) => (
            <BoardCardView key={card.id} card={card} />
          ))}
        </Stack>
      )}
      <ProblemAlert error={more.error} />
      {open && nextCursor !== null && (
        <Button
          variant="default"
          fullWidth
          mt="sm"
          loading={pages.length < pagesWanted || more.isFetchingNextPage}
          onClick={() => setPagesWanted(pages.length + 1)}
        >
          {t('board.showMore')}
        </Button>
      )}
    </Paper>
  );
}

/** A count is never cut off with an ellipsis, however large. */
const WHOLE_COUNT = {
  root: { height: 'auto', flexShrink: 0, maxWidth: 'none' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

/** A card that moved between two pages' fetches shows once. */
function distinct(cards: BoardCard[]): BoardCard[] {
  const seen = new Set<string>();
  return cards.filter((card) => !seen.has(card.id) && seen.add(card.id));
}
