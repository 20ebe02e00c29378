import { Alert, Stack, Title } from '@mantine/core';
import { hasAnyRole, useSession } from '../../auth/session';
import { t } from '../../i18n/t';
import { EntrySearch } from './entry-search';
import { RequestTrail } from './request-trail';
import { VerifyPanel } from './verify-panel';

/**
 * Auditors (and platform admins) read and verify the trail in their scope. Supervisors see the page in the menu, but
 * the trail API is the auditors': they are told whom to ask.
 */
export default function AuditPage() {
  const { me } = useSession();
  const reader = !!me && (me.platformAdmin || hasAnyRole(me, 'AUDITOR'));
  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      {reader ? (
        <>
          <VerifyPanel />
          <RequestTrail />
          <EntrySearch />
        </>
      ) : (
        <Alert color="yellow" role="status">
          {t('audit.auditorsOnly')}
        </Alert>
      )}
    </Stack>
  );
}
