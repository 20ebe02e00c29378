import { Loader, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { onSessionExpired } from '../api/http';
import { SessionProvider } from '../auth/session';
import { StepUpDialog } from '../auth/step-up-dialog';
import { createQueryClient } from './query-client';
import { routes } from './routes';
import { t } from '../i18n/t';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));

  // RequireSession then sends the user to sign in, with the expiry notice.
  useEffect(() => onSessionExpired(() => queryClient.clear()), [queryClient]);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Suspense fallback={<Loader m="xl" role="status" aria-label={t('app.loading')} />}>
            <RouterProvider router={router} />
          </Suspense>
          <StepUpDialog />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
