import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@liaison/domain';
import { isApiProblem } from '../../api/api-problem';
import { api } from '../../api/http';
import type { Role } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { usersKey, type AgencyUser } from './admin-api';

interface NewUser {
  email: string;
  displayName: string;
  roles: string[];
}

/** `POST /v1/agencies/:agencyId/users`, with no password: the user is invited; server field errors land on the fields. */
export function CreateUserForm({ agencyId, onCreated }: { agencyId: string; onCreated: (user: AgencyUser) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<NewUser>({
    initialValues: { email: '', displayName: '', roles: ['OFFICER'] },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : t('admin.users.email')),
      displayName: (value) => (value.trim().length >= 2 ? null : t('admin.users.displayName')),
      roles: (value) => (value.length ? null : t('admin.users.rolesRequired')),
    },
  });
  const create = useMutation({
    mutationFn: (values: NewUser) =>
      api.post<AgencyUser>(`/agencies/${agencyId}/users`, { ...values, roles: values.roles as Role[] }),
    onSuccess: async ({ data }) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: usersKey(agencyId) });
      onCreated(data);
    },
    onError: (error) => {
      if (isApiProblem(error)) form.setErrors(error.fieldErrors());
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="create-user-title">
      <Title order={3} size="h4" id="create-user-title" mb="sm">
        {t('admin.users.create')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} aria-labelledby="create-user-title" noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.users.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('admin.users.displayName')}
              required
              autoComplete="off"
              {...form.getInputProps('displayName')}
            />
          </Group>
          <Checkbox.Group label={t('admin.users.roles')} required {...form.getInputProps('roles')}>
            <Group mt="xs">
              {ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`admin.roleNames.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Text size="sm">{t('admin.users.invitationNote')}</Text>
          <ProblemAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('admin.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
