import { Button, Divider, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/http';
import type { SsoAgency } from '../../api/types';
import { t } from '../../i18n/t';

/**
 * Single sign-on: the user picks their agency, and the console sends the browser to the api's start route, which
 * goes on to the agency's identity provider. Hidden when no agency signs in that way.
 */
export function SsoAgencies() {
  const agencies = useQuery({
    queryKey: ['sso', 'agencies'],
    queryFn: async () => (await call<SsoAgency[]>('/auth/sso/agencies', { authenticated: false })).data,
    staleTime: 5 * 60_000,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = agencies.data ?? [];
  if (list.length === 0) return null;
  const agency = list.find((item) => item.id === chosen) ?? (list.length === 1 ? list[0] : undefined);

  return (
    <Stack component="section" aria-labelledby="sso-title" gap="sm">
      <Divider label={t('sso.or')} labelPosition="center" />
      <Text id="sso-title" fw={600} size="sm">
        {t('sso.title')}
      </Text>
      {list.length > 1 && (
        <Select
          label={t('sso.agency')}
          placeholder={t('sso.pickAgency')}
          data={list.map((item) => ({ value: item.id, label: `${item.name} (${item.country})` }))}
          value={chosen}
          onChange={setChosen}
          searchable
        />
      )}
      <Button
        variant="default"
        h="auto"
        py={8}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.4 } }}
        disabled={!agency}
        data-testid="sso-start"
        onClick={() => agency && window.location.assign(agency.startUrl)}
      >
        {agency ? t('sso.start', { agency: agency.name }) : t('sso.startNone')}
      </Button>
      {agency && !agency.passwordSignIn && (
        <Text size="xs" c="gray.8">
          {t('sso.passwordOff', { agency: agency.name })}
        </Text>
      )}
    </Stack>
  );
}
