import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/http';
import type { Person } from '../../../api/types';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { PersonList } from '../persons/person-list';
import { refreshAfterPersonWrite } from '../persons/persons-query';
import { EditPersonModal } from './edit-person-modal';
import { PersonFields } from './person-fields';
import { createPersonBody, EMPTY_PERSON, type PersonValues } from './person-values';
import { RemovePersonModal } from './remove-person-modal';

type Opened = { action: 'edit' | 'remove'; person: Person; label: Record<string, string | number> };

/**
 * The draft's persons: listed (identities as the API returns them), added one by one, edited and removed. Its
 * forms are its own: the section is rendered outside the draft's form, never inside it.
 */
export function PersonsSection({ requestId, persons }: { requestId: string; persons: Person[] }) {
  const queryClient = useQueryClient();
  const form = useForm<PersonValues>({ initialValues: EMPTY_PERSON });
  const [opened, setOpened] = useState<Opened | null>(null);
  const add = useMutation({
    mutationFn: (values: PersonValues) => api.post<Person>(`/requests/${requestId}/persons`, createPersonBody(values)),
    onSuccess: async () => {
      form.reset();
      await refreshAfterPersonWrite(queryClient, requestId);
    },
  });
  const close = () => setOpened(null);

  return (
    <Fieldset legend={t('newRequest.persons.title')}>
      <Stack>
        <Text size="sm" c="gray.8">
          {t('newRequest.persons.intro')}
        </Text>
        <PersonList
          persons={persons}
          actions={(person, index) => {
            const label = { n: index + 1, role: t(`newRequest.persons.roles.${person.role}`) };
            return (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  disabled={person.purged}
                  aria-label={t('newRequest.persons.editLabel', label)}
                  onClick={() => setOpened({ action: 'edit', person, label })}
                >
                  {t('newRequest.persons.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  c="red.9"
                  aria-label={t('newRequest.persons.removeLabel', label)}
                  onClick={() => setOpened({ action: 'remove', person, label })}
                >
                  {t('newRequest.persons.remove')}
                </Button>
              </Group>
            );
          }}
        />
        <form onSubmit={form.onSubmit((values) => add.mutate(values))} aria-label={t('newRequest.persons.add')}>
          <Stack gap="sm">
            <PersonFields form={form} />
            <ProblemAlert error={add.error} />
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('newRequest.persons.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {opened?.action === 'edit' && (
        <EditPersonModal key={opened.person.id} requestId={requestId} {...opened} onClose={close} />
      )}
      {opened?.action === 'remove' && (
        <RemovePersonModal key={opened.person.id} requestId={requestId} {...opened} onClose={close} />
      )}
    </Fieldset>
  );
}
