import { Container } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState, ProblemState } from '../../components/error-state';

/** What a route shows when its page fails to load or render; `standalone` outside the shell (its own <main>). */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const content = isRouteErrorResponse(error) ? (
    <ErrorState kind={error.status === 404 ? 'notFound' : error.status === 403 ? 'forbidden' : 'server'} />
  ) : isChunkLoadFailure(error) ? (
    <ErrorState kind="offline" onRetry={() => window.location.reload()} />
  ) : (
    <ProblemState error={error} />
  );
  return (
    <Container size="sm" py="xl" component={standalone ? 'main' : 'div'}>
      {content}
    </Container>
  );
}

/** A lazy page that could not be fetched: the network is the likely cause. */
function isChunkLoadFailure(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Failed to fetch/i.test(error.message);
}
