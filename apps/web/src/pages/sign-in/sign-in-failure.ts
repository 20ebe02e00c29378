import { isApiProblem } from '../../api/api-problem';
import { t } from '../../i18n/t';

/** The sentence for a failed sign-in: wrong credentials, a lockout with its end, or the server's own words. */
export function describeFailure(error: unknown, now = new Date()): string {
  if (!isApiProblem(error)) return t('errors.serverText');
  if (error.isNetworkFailure) return t('errors.offlineText');
  if (error.status === 401) return t('signIn.badCredentials');
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (seconds === undefined) return error.problem.detail ?? t('signIn.lockedShort', { seconds: 60 });
    if (seconds < 120) return t('signIn.lockedShort', { seconds });
    const until = new Date(now.getTime() + seconds * 1000);
    return t('signIn.locked', {
      minutes: Math.ceil(seconds / 60),
      time: until.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    });
  }
  return error.problem.detail ?? t('errors.serverText');
}
