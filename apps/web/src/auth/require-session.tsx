import { Navigate, Outlet, useLocation } from 'react-router';
import { sessionHasExpired } from '../api/http';
import { useSession } from './session';

/**
 * Pages behind sign-in: without a session, to the sign-in page (with the expiry notice when the session ran out),
 * which comes back here afterwards.
 */
export function RequireSession() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?${sessionHasExpired() ? 'expired=1&' : ''}next=${next}`} replace />;
  }
  return <Outlet />;
}
