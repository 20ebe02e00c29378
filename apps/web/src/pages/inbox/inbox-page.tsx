import { Badge, Button, Card, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/http';
import type { InboxItem, InboxPage } from '../../api/types';
import { ProblemState } from '../../components/error-state';
import { formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { consoleLinkOf } from './console-link';

export default function InboxPageView() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const queryClient = useQueryClient();
  const inbox = useInfiniteQuery({
    queryKey: ['inbox', { onlyUnread }],
    queryFn: ({ pageParam, signal }) =>
      api.get<InboxPage>('/inbox', { limit: 25, cursor: pageParam, unread: onlyUnread || undefined }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post<InboxItem>(`/inbox/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });

  if (inbox.error) return <ProblemState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = inbox.data?.pages[0]?.unreadCount ?? 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{t('inbox.title')}</Title>
          <Badge color={unreadCount > 0 ? 'red.9' : 'gray.8'} size="lg" variant="filled">
            {t('inbox.unreadCount', { count: unreadCount })}
          </Badge>
        </Group>
        <Switch
          label={t('inbox.onlyUnread')}
          checked={onlyUnread}
          onChange={(event) => setOnlyUnread(event.currentTarget.checked)}
        />
      </Group>
      <ProblemAlert error={markRead.error} />
      {inbox.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text>{t('inbox.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('inbox.title')}>
          {items.map((item) => (
            <InboxEntry key={item.id} item={item} onRead={() => markRead.mutate(item.id)} />
          ))}
        </Stack>
      )}
      {inbox.hasNextPage && (
        <Button variant="default" onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function InboxEntry({ item, onRead }: { item: InboxItem; onRead: () => void }) {
  const unread = item.readAt === null;
  const target = consoleLinkOf(item.link);
  return (
    <Card component="li" withBorder padding="sm" bg={unread ? 'indigo.0' : undefined} aria-label={item.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={unread ? 'indigo.9' : 'gray.7'} variant={unread ? 'filled' : 'outline'} size="sm">
              {unread ? t('inbox.unread') : t('inbox.read')}
            </Badge>
            <Text fw={unread ? 700 : 500}>{item.title}</Text>
          </Group>
          <Text size="sm">{item.body}</Text>
          <Text size="xs" c="gray.8">
            {t('inbox.received', { time: formatDateTime(item.createdAt) })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {target && (
            <Button component={Link} to={target} size="xs" onClick={unread ? onRead : undefined}>
              {t('inbox.openRequest')}
              <span className="visually-hidden"> {item.title}</span>
            </Button>
          )}
          {unread && (
            <Button size="xs" variant="default" onClick={onRead}>
              {t('inbox.markRead')}
              <span className="visually-hidden"> {item.title}</span>
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
