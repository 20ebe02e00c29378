import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/http';
import type { Person } from '../../../api/types';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { refreshAfterPersonWrite } from '../persons/persons-query';
import { PersonFields } from './person-fields';
import { personValues, updatePersonBody, type PersonValues } from './person-values';

interface Props {
  requestId: string;
  person: Person;
  /** How the list names the person (its number and role), for the dialog's title. */
  label: Record<string, string | number>;
  onClose: () => void;
}

/** One person of the draft, changed in place: `PATCH /v1/requests/:id/persons/:personId`. */
export function EditPersonModal({ requestId, person, label, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useForm<PersonValues>({ initialValues: personValues(person) });
  const save = useMutation({
    mutationFn: (values: PersonValues) =>
      api.patch<Person>(`/requests/${requestId}/persons/${person.id}`, updatePersonBody(values, person)),
    onSuccess: async () => {
      await refreshAfterPersonWrite(queryClient, requestId);
      onClose();
    },
  });
  const title = t('newRequest.persons.editTitle', label);
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={title}>
        <Stack>
          <PersonFields form={form} columns={2} />
          <ProblemAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('newRequest.persons.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
