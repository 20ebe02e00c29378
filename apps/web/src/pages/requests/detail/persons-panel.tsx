import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/http';
import type { Person, RequestView } from '../../../api/types';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { PersonList } from '../persons/person-list';
import { personsKey } from '../persons/persons-query';
import { PendingPurge } from './pending-purge';

/**
 * Persons are read only when asked for: each read of an identity in clear is a decryption recorded in the
 * audit trail, so the page does not cause one just by opening.
 */
export function PersonsPanel({ requestId, relation }: { requestId: string; relation: RequestView['relation'] }) {
  const [open, setOpen] = useState(false);
  const persons = useQuery({
    queryKey: personsKey(requestId),
    queryFn: ({ signal }) => api.get<{ items: Person[] }>(`/requests/${requestId}/persons`, undefined, signal),
    enabled: open,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="persons-title">
      <Title order={2} size="h4" id="persons-title" mb="sm">
        {t('detail.persons')}
      </Title>
      {!open ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('detail.personsAsk')}</Text>
          <Button variant="default" size="xs" onClick={() => setOpen(true)}>
            {t('detail.personsShow')}
          </Button>
        </Stack>
      ) : persons.error ? (
        <ProblemAlert error={persons.error} />
      ) : (
        <PersonList
          persons={persons.data?.items ?? []}
          actions={
            persons.data?.items.some((person) => person.pendingPurge)
              ? (person) => <PendingPurge person={person} requestId={requestId} relation={relation} />
              : undefined
          }
        />
      )}
    </Paper>
  );
}
