import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSession } from '../auth/require-session';
import { RouteErrorPage } from '../pages/errors/route-error-page';
import { Shell } from './shell';

/**
 * Each page is its own chunk, loaded when first visited (React.lazy under the shell's Suspense: a chunk that
 * cannot be fetched, offline, ends in the route's error page instead of a blank screen).
 */
const page = (load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'element' | 'errorElement'> => {
  const Page = lazy(load);
  return { element: <Page />, errorElement: <RouteErrorPage /> };
};

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    ...page(() => import('../pages/sign-in/sign-in-page')),
    errorElement: <RouteErrorPage standalone />,
  },
  ...['/account/invitation', '/account/reset-password'].map((path) => ({
    path,
    ...page(() => import('../pages/account/password-link-page')),
    errorElement: <RouteErrorPage standalone />,
  })),
  {
    path: '/forgot-password',
    ...page(() => import('../pages/account/forgot-password-page')),
    errorElement: <RouteErrorPage standalone />,
  },
  {
    path: '/sign-in/sso',
    ...page(() => import('../pages/sign-in/sso-return-page')),
    errorElement: <RouteErrorPage standalone />,
  },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        element: <Shell />,
        errorElement: <RouteErrorPage standalone />,
        children: [
          { index: true, ...page(() => import('../pages/home-redirect')) },
          { path: 'work', ...page(() => import('../pages/work/work-page')) },
          { path: 'inbox', ...page(() => import('../pages/inbox/inbox-page')) },
          { path: 'requests', ...page(() => import('../pages/requests/requests-page')) },
          { path: 'requests/new', ...page(() => import('../pages/requests/new-request-page')) },
          { path: 'requests/:id', ...page(() => import('../pages/requests/request-detail-page')) },
          { path: 'requests/:id/edit', ...page(() => import('../pages/requests/new-request-page')) },
          { path: 'board', ...page(() => import('../pages/board/board-page')) },
          { path: 'audit', ...page(() => import('../pages/audit/audit-page')) },
          { path: 'statistics', ...page(() => import('../pages/statistics/statistics-page')) },
          { path: 'admin', ...page(() => import('../pages/admin/admin-page')) },
          { path: 'account/password', ...page(() => import('../pages/account/change-password-page')) },
          { path: 'account', ...page(() => import('../pages/account/account-page')) },
          { path: 'forbidden', ...page(() => import('../pages/errors/forbidden-page')) },
          { path: 'offline', ...page(() => import('../pages/errors/offline-page')) },
          { path: 'error', ...page(() => import('../pages/errors/server-error-page')) },
          { path: '*', ...page(() => import('../pages/errors/not-found-page')) },
        ],
      },
    ],
  },
];
