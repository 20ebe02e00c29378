import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/http';
import type { Passkey, PasskeyList, RecoveryCodes, SecondFactorStatus, SignedInSessionList } from '../../api/types';
import { createPasskey } from '../../auth/passkey-ceremony';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { RecoveryCodesShownOnce } from '../sign-in/enrolment-step';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The caller's own sign-in: their second factor, recovery codes, passkeys and sessions. */
export default function AccountPage() {
  return (
    <Stack component="section" aria-labelledby="account-title">
      <Title order={1} id="account-title">
        {t('account.title')}
      </Title>
      <Anchor component={Link} to="/account/password">
        {t('account.changePassword')}
      </Anchor>
      <SecondFactorSection />
      <PasskeysSection />
      <SessionsSection />
    </Stack>
  );
}

function SecondFactorSection() {
  const status = useQuery({
    queryKey: ['me', 'second-factor'],
    queryFn: ({ signal }) => api.get<SecondFactorStatus>('/me/second-factor', undefined, signal),
  });
  const renew = useMutation({
    mutationFn: async () => (await api.post<RecoveryCodes>('/me/second-factor/recovery-codes')).data,
    onSuccess: () => void status.refetch(),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="second-factor-title">
      <Stack>
        <Title order={2} size="h4" id="second-factor-title">
          {t('account.secondFactorTitle')}
        </Title>
        {status.data && (
          <Text size="sm">
            {status.data.totp ? t('account.totpOn') : t('account.totpOff')}{' '}
            {t('account.recoveryLeft', { n: status.data.recoveryCodesLeft })}
          </Text>
        )}
        {renew.error && <ProblemAlert error={renew.error} />}
        {renew.data ? (
          <>
            <Text size="sm">{t('account.newCodesDone')}</Text>
            <RecoveryCodesShownOnce codes={renew.data.recoveryCodes} />
          </>
        ) : (
          status.data?.totp && (
            <Group>
              <Button variant="default" onClick={() => renew.mutate()} loading={renew.isPending}>
                {t('account.newCodes')}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

function PasskeysSection() {
  const queryClient = useQueryClient();
  const [name, setName] = useState(t('account.passkeyNameDefault'));
  const passkeys = useQuery({
    queryKey: ['me', 'passkeys'],
    queryFn: ({ signal }) => api.get<PasskeyList>('/me/passkeys', undefined, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me'] });
  const add = useMutation({
    mutationFn: async () => {
      const options = await call('/me/passkeys/registration', { method: 'POST', body: {} });
      const response = await createPasskey(options.data);
      return (await api.post<Passkey>('/me/passkeys', { name: name.trim(), response })).data;
    },
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/me/passkeys/${id}`), onSuccess: refresh });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="passkeys-title">
      <Stack>
        <Title order={2} size="h4" id="passkeys-title">
          {t('account.passkeysTitle')}
        </Title>
        <Text size="sm">{t('account.passkeysIntro')}</Text>
        {passkeys.data?.items.length === 0 && <Text size="sm">{t('account.noPasskeys')}</Text>}
        <Stack gap="xs" role="list" aria-label={t('account.passkeysTitle')}>
          {passkeys.data?.items.map((passkey) => (
            <Group key={passkey.id} role="listitem" justify="space-between">
              <Text size="sm">
                <strong>{passkey.name}</strong> ·{' '}
                {passkey.lastUsedAt
                  ? t('account.lastUsed', { time: when(passkey.lastUsedAt) })
                  : t('account.neverUsed')}
              </Text>
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(passkey.id)}>
                {t('account.removePasskey', { name: passkey.name })}
              </Button>
            </Group>
          ))}
        </Stack>
        {(add.error || remove.error) && <ProblemAlert error={add.error ?? remove.error} />}
        <Group align="flex-end">
          <TextInput
            label={t('account.passkeyName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!name.trim()}>
            {t('account.addPasskey')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SessionsSection() {
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: ({ signal }) => api.get<SignedInSessionList>('/me/sessions', undefined, signal),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/me/sessions/${id}`),
    onSuccess: () => void sessions.refetch(),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
      <Stack>
        <Title order={2} size="h4" id="sessions-title">
          {t('account.sessionsTitle')}
        </Title>
        <Text size="sm">{t('account.sessionsIntro')}</Text>
        {revoke.error && <ProblemAlert error={revoke.error} />}
        <Table striped data-testid="my-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.started')}</Table.Th>
              <Table.Th>{t('account.lastActive')}</Table.Th>
              <Table.Th>{t('account.ends')}</Table.Th>
              <Table.Th>{t('account.client')}</Table.Th>
              <Table.Th>{t('account.address')}</Table.Th>
              <Table.Th>{t('account.methods')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('account.revoke')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.items.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>{when(session.startedAt)}</Table.Td>
                <Table.Td>{when(session.lastUsedAt)}</Table.Td>
                <Table.Td>{when(session.expiresAt)}</Table.Td>
                <Table.Td>{session.client ?? t('common.unknown')}</Table.Td>
                <Table.Td>{session.ip ?? t('common.unknown')}</Table.Td>
                <Table.Td>{session.methods.join(' + ')}</Table.Td>
                <Table.Td>
                  {session.current ? (
                    <Text size="sm" fw={600} c="indigo.9">
                      {t('account.thisSession')}
                    </Text>
                  ) : (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(session.id)}>
                      {t('account.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
