import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import { t } from '../../i18n/t';

export const UNREAD_QUERY_KEY = ['inbox', 'unread-count'] as const;

/** The inbox's unread count beside its navigation link, refreshed every 30 s; nothing when all is read. */
export function UnreadBadge() {
  const unread = useQuery({
    queryKey: UNREAD_QUERY_KEY,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/inbox/unread-count', undefined, signal),
    refetchInterval: 30_000,
  });
  const count = unread.data?.unread ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" color="red.9" variant="filled" circle={count < 10} data-testid="nav-unread">
      <span aria-hidden>{count}</span>
      <span className="visually-hidden"> {t('nav.unread', { count })}</span>
    </Badge>
  );
}
