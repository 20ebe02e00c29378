import { Anchor, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { tokenStore } from '../../auth/token-store';
import { t } from '../../i18n/t';

/** Where bull-board reads the session's access token: a cookie for that path only, for as long as the token lives. */
const QUEUE_BOARD_COOKIE = 'liaison_queue_board';

/**
 * The queue dashboard is plain HTML served by the api at /admin/queues: a link cannot carry the bearer token, so the
 * console hands it over in a short-lived cookie scoped to that path (SameSite=Strict) just before opening it.
 */
function handOverToken(): void {
  const token = tokenStore.get()?.accessToken;
  if (!token) return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${QUEUE_BOARD_COOKIE}=${token}; Path=/admin/queues; Max-Age=900; SameSite=Strict${secure}`;
}

export function QueuesPanel() {
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.queues.title')}
      </Title>
      <Text>{t('admin.queues.intro')}</Text>
      <Anchor href="/admin/queues" target="_blank" rel="noopener" onClick={handOverToken} fw={600}>
        <IconExternalLink size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('admin.queues.open')}
      </Anchor>
    </Stack>
  );
}
