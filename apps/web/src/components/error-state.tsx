import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconQuestionMark, IconWifiOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { isApiProblem } from '../api/api-problem';
import { t } from '../i18n/t';

export type ErrorKind = 'forbidden' | 'notFound' | 'server' | 'offline';

const PRESENTATION = {
  forbidden: { title: 'errors.forbiddenTitle', text: 'errors.forbiddenText', status: 403, Icon: IconLock },
  notFound: { title: 'errors.notFoundTitle', text: 'errors.notFoundText', status: 404, Icon: IconQuestionMark },
  server: { title: 'errors.serverTitle', text: 'errors.serverText', status: 500, Icon: IconAlertTriangle },
  offline: { title: 'errors.offlineTitle', text: 'errors.offlineText', status: 0, Icon: IconWifiOff },
} as const;

/** Which error page a failure deserves. */
export function errorKindOf(error: unknown): ErrorKind {
  if (!isApiProblem(error)) return 'server';
  if (error.status === 0) return 'offline';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  return 'server';
}

/** A whole-page error: 403, 404, 500 or no network. */
export function ErrorState({
  kind,
  requestId,
  onRetry,
}: {
  kind: ErrorKind;
  requestId?: string;
  onRetry?: () => void;
}) {
  const { title, text, status, Icon } = PRESENTATION[kind];
  return (
    <Center mih={320}>
      <Stack align="center" gap="sm" maw={520} ta="center">
        <Icon size={48} stroke={1.5} aria-hidden />
        {status > 0 && (
          <Text c="gray.8" size="sm">
            {t('errors.code', { status })}
          </Text>
        )}
        <Title order={1}>{t(title)}</Title>
        <Text>{t(text)}</Text>
        {requestId && (
          <Text size="xs" c="gray.8">
            {t('common.requestId', { id: requestId })}
          </Text>
        )}
        <Stack gap="xs" align="center">
          {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
          <Button component={Link} to="/inbox" variant="default">
            {t('errors.backHome')}
          </Button>
        </Stack>
      </Stack>
    </Center>
  );
}

/** The error page for a failed query or call. */
export function ProblemState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const requestId = isApiProblem(error) ? error.problem.requestId : undefined;
  return <ErrorState kind={errorKindOf(error)} requestId={requestId} onRetry={onRetry} />;
}
