import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { GENDERS, PERSON_ROLES } from '@liaison/domain';
import { api } from '../../../api/http';
import type { Person } from '../../../api/types';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { PersonList } from '../persons/person-list';

interface NewPerson {
  role: string;
  gender: string;
  nationality: string;
  minor: string;
  names: string;
  dateOfBirth: string;
}

const EMPTY: NewPerson = {
  role: 'victim',
  gender: 'unknown',
  nationality: '',
  minor: 'unknown',
  names: '',
  dateOfBirth: '',
};

/** The draft's persons: listed (identities as the API returns them) and added one by one. */
export function PersonsSection({ requestId, persons }: { requestId: string; persons: Person[] }) {
  const queryClient = useQueryClient();
  const form = useForm<NewPerson>({ initialValues: EMPTY });
  const add = useMutation({
    mutationFn: (values: NewPerson) => api.post<Person>(`/requests/${requestId}/persons`, personBody(values)),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['request', requestId] });
    },
  });

  return (
    <Fieldset legend={t('newRequest.persons.title')}>
      <Stack>
        <Text size="sm" c="gray.8">
          {t('newRequest.persons.intro')}
        </Text>
        <PersonList persons={persons} />
        <form onSubmit={form.onSubmit((values) => add.mutate(values))} aria-label={t('newRequest.persons.add')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 4 }}>
              <Select
                label={t('newRequest.persons.role')}
                data={PERSON_ROLES.map((role) => ({ value: role, label: t(`newRequest.persons.roles.${role}`) }))}
                allowDeselect={false}
                {...form.getInputProps('role')}
              />
              <Select
                label={t('newRequest.persons.gender')}
                data={GENDERS.map((gender) => ({ value: gender, label: t(`newRequest.persons.genders.${gender}`) }))}
                allowDeselect={false}
                {...form.getInputProps('gender')}
              />
              <TextInput
                label={t('newRequest.persons.nationality')}
                maxLength={2}
                {...form.getInputProps('nationality')}
              />
              <Select
                label={t('newRequest.persons.minor')}
                data={(['yes', 'no', 'unknown'] as const).map((value) => ({
                  value,
                  label: t(`newRequest.persons.minorOptions.${value}`),
                }))}
                allowDeselect={false}
                {...form.getInputProps('minor')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea label={t('newRequest.persons.names')} autosize minRows={1} {...form.getInputProps('names')} />
              <TextInput label={t('newRequest.persons.dateOfBirth')} {...form.getInputProps('dateOfBirth')} />
            </SimpleGrid>
            <ProblemAlert error={add.error} />
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('newRequest.persons.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Fieldset>
  );
}

function personBody(values: NewPerson): Record<string, unknown> {
  const names = values.names
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  const identity = {
    ...(names.length && { names }),
    ...(values.dateOfBirth.trim() && { dateOfBirth: values.dateOfBirth.trim() }),
  };
  return {
    role: values.role,
    gender: values.gender,
    ...(values.nationality.trim() && { nationality: values.nationality.trim().toUpperCase() }),
    ...(values.minor !== 'unknown' && { minor: values.minor === 'yes' }),
    ...(Object.keys(identity).length && { identity }),
  };
}
