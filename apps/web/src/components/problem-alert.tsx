import { Alert, List, Text } from '@mantine/core';
import { isApiProblem } from '../api/api-problem';
import { errorKindOf } from './error-state';
import { t, tOr } from '../i18n/t';

/** A refused or failed call, said inline: the server's detail, its field errors, and the wait after a 429. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  if (!isApiProblem(error)) {
    return (
      <Alert color="red" role="alert" title={title}>
        {t('errors.serverText')}
      </Alert>
    );
  }
  const { problem } = error;
  const detail =
    error.status === 429 && error.retryAfterSeconds !== undefined
      ? t('common.retryAfter', { seconds: error.retryAfterSeconds })
      : error.isNetworkFailure
        ? t('errors.offlineText')
        : errorKindOf(error) === 'server' && error.status >= 500
          ? t('errors.serverText')
          : (problem.detail ?? problem.title ?? t('errors.serverText'));
  const fieldErrors = [
    ...(problem.errors ?? []).map((item) => `${item.field || item.in}: ${item.detail}`),
    ...(problem.fields ?? []).map((item) => item.message),
  ];
  return (
    <Alert color="red" role="alert" title={title}>
      {problem.reason && (
        <Text size="sm" fw={600} mb={4} data-testid="refusal-reason">
          {tOr(`detail.refusalReasons.${problem.reason}`, problem.reason)}
        </Text>
      )}
      <Text size="sm">{detail}</Text>
      {problem.missing && problem.missing.length > 0 && (
        <>
          <Text size="sm" mt="xs" fw={600}>
            {t('detail.missingItems')}
          </Text>
          <List size="sm">
            {problem.missing.map((item) => (
              <List.Item key={item.id}>
                {item.wording}{' '}
                <Text span size="xs">
                  ({item.source})
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {fieldErrors.length > 0 && (
        <List size="sm" mt="xs">
          {fieldErrors.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {problem.reason && (
        <details>
          <summary>
            <Text span size="xs">
              {t('common.details')}
            </Text>
          </summary>
          <Text size="xs" ff="monospace">
            {t('detail.refusalDetails', { reason: problem.reason })}
          </Text>
        </details>
      )}
    </Alert>
  );
}
