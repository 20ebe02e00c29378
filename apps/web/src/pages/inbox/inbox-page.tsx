import { Badge, Button, Card, Group, List, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/http';
import type { InboxItem, InboxPage, MyWork, Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { ProblemState } from '../../components/error-state';
import { eventsPhrase, formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { StateBadge } from '../../components/state-badge';
import { t } from '../../i18n/t';
import { MY_WORK_QUERY_KEY } from '../work/work-page';
import { groupInbox, type InboxGroup } from './inbox-groups';

export default function InboxPageView() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const queryClient = useQueryClient();
  const { me } = useSession();
  const acting = !!me && (me.roles as Role[]).some((role) => role === 'OFFICER' || role === 'SUPERVISOR');
  const inbox = useInfiniteQuery({
    queryKey: ['inbox', { onlyUnread }],
    queryFn: ({ pageParam, signal }) =>
      api.get<InboxPage>('/inbox', { limit: 50, cursor: pageParam, unread: onlyUnread || undefined }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const work = useQuery({
    queryKey: MY_WORK_QUERY_KEY,
    queryFn: ({ signal }) => api.get<MyWork>('/me/work', { limit: 1000 }, signal),
    enabled: acting,
    refetchInterval: 30_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post<InboxItem>(`/inbox/${id}/read`),
    onSuccess: refresh,
  });
  const markAllRead = useMutation({ mutationFn: () => api.post('/inbox/read-all'), onSuccess: refresh });

  if (inbox.error) return <ProblemState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = inbox.data?.pages[0]?.unreadCount ?? 0;
  const groups = groupInbox(items, work.data?.items ?? []);
  const actions = groups.filter((group) => group.expected.length > 0);
  const information = groups.filter((group) => group.expected.length === 0);
  const onRead = (group: InboxGroup) =>
    group.items.filter((item) => item.readAt === null).forEach((item) => markRead.mutate(item.id));

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{t('inbox.title')}</Title>
          <Badge color={unreadCount > 0 ? 'red.9' : 'gray.8'} size="lg" variant="filled">
            {t('inbox.unreadCount', { count: unreadCount })}
          </Badge>
        </Group>
        <Group>
          <Switch
            label={t('inbox.onlyUnread')}
            checked={onlyUnread}
            onChange={(event) => setOnlyUnread(event.currentTarget.checked)}
          />
          <Button
            variant="default"
            onClick={() => markAllRead.mutate()}
            loading={markAllRead.isPending}
            disabled={unreadCount === 0}
          >
            {t('inbox.markAllRead')}
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={markRead.error ?? markAllRead.error} />
      {inbox.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text>{t('inbox.empty')}</Text>
      ) : (
        <>
          {acting && (
            <GroupSection title={t('inbox.actionTitle')} id="inbox-action" groups={actions} onRead={onRead}>
              {actions.length === 0 && <Text size="sm">{t('inbox.actionEmpty')}</Text>}
            </GroupSection>
          )}
          <GroupSection
            title={acting ? t('inbox.informationTitle') : t('inbox.title')}
            id="inbox-information"
            groups={information}
            onRead={onRead}
          />
        </>
      )}
      {inbox.hasNextPage && (
        <Button variant="default" onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

interface SectionProps {
  title: string;
  id: string;
  groups: InboxGroup[];
  onRead: (group: InboxGroup) => void;
  children?: React.ReactNode;
}

function GroupSection({ title, id, groups, onRead, children }: SectionProps) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
      {groups.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
          {groups.map((group) => (
            <InboxGroupCard key={group.key} group={group} onRead={() => onRead(group)} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function InboxGroupCard({ group, onRead }: { group: InboxGroup; onRead: () => void }) {
  const { request } = group;
  const { me } = useSession();
  const unread = group.unread > 0;
  const counterpart =
    request && (request.requestingAgency.id === me?.agency.id ? request.requestedAgency : request.requestingAgency);
  const name = request ? `${request.reference} ${request.title}` : (group.items[0]?.title ?? '');
  return (
    <Card component="li" withBorder padding="sm" bg={unread ? 'indigo.0' : undefined} aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={unread ? 'indigo.9' : 'gray.7'} variant={unread ? 'filled' : 'outline'} size="sm">
              {unread ? t('inbox.unreadCount', { count: group.unread }) : t('inbox.read')}
            </Badge>
            {request ? (
              <>
                <Text fw={700} ff="monospace">
                  {request.reference}
                </Text>
                <Text fw={unread ? 700 : 500}>{request.title}</Text>
                <StateBadge kind={request.kind} state={request.state} size="sm" />
              </>
            ) : (
              <Text fw={unread ? 700 : 500}>{group.items[0]?.title}</Text>
            )}
          </Group>
          {counterpart && (
            <Text size="sm" c="gray.8">
              {t('inbox.withAgency', { agency: counterpart.name, country: counterpart.country })}
            </Text>
          )}
          {group.expected.map((step) => (
            <Text key={step.role} size="sm" fw={600} c="indigo.9" data-testid="inbox-expected">
              {t('inbox.expected', { events: eventsPhrase(step.events) })}
            </Text>
          ))}
          <List size="sm" spacing={2} aria-label={t('inbox.notices', { reference: request?.reference ?? '' })}>
            {group.items.map((item) => (
              <List.Item key={item.id} fw={item.readAt === null ? 600 : 400}>
                {item.body}{' '}
                <Text span size="xs" c="gray.8">
                  {t('inbox.received', { time: formatDateTime(item.createdAt) })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {request && (
            <Button component={Link} to={`/requests/${request.id}`} size="xs" onClick={unread ? onRead : undefined}>
              {t('inbox.openRequest')}
              <span className="visually-hidden"> {request.reference}</span>
            </Button>
          )}
          {unread && (
            <Button size="xs" variant="default" onClick={onRead}>
              {t('inbox.markRead')}
              <span className="visually-hidden"> {name}</span>
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
