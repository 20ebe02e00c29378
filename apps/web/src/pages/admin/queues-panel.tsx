import { Anchor, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { api } from '../../api/http';
import { t } from '../../i18n/t';

/**
 * The queue dashboard is plain HTML served by the api at /admin/queues: a link cannot carry the bearer token, so the
 * api sets a short-lived cookie for that path (HttpOnly, SameSite=Strict, cleared at sign-out) just before the
 * console opens it.
 */
async function openBoard(event: MouseEvent<HTMLAnchorElement>): Promise<void> {
  event.preventDefault();
  await api.post('/admin/queues/session', {});
  window.open('/admin/queues', '_blank', 'noopener');
}

export function QueuesPanel() {
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.queues.title')}
      </Title>
      <Text>{t('admin.queues.intro')}</Text>
      <Anchor href="/admin/queues" target="_blank" rel="noopener" onClick={(event) => void openBoard(event)} fw={600}>
        <IconExternalLink size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('admin.queues.open')}
      </Anchor>
    </Stack>
  );
}
