import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../../api/api-problem';
import { api } from '../../api/http';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { webhooksKey, type CreatedWebhookEndpoint } from './admin-api';

interface NewEndpoint {
  url: string;
  events: string;
  description: string;
}

/** `POST /v1/webhooks`: the answer carries the signing secret, shown here once. */
export function CreateWebhookForm() {
  const queryClient = useQueryClient();
  const form = useForm<NewEndpoint>({ initialValues: { url: '', events: '*', description: '' } });
  const create = useMutation({
    mutationFn: (values: NewEndpoint) =>
      api.post<CreatedWebhookEndpoint>('/webhooks', {
        url: values.url.trim(),
        events: values.events
          .split(',')
          .map((event) => event.trim())
          .filter(Boolean),
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
      }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
    onError: (error) => {
      if (isApiProblem(error)) form.setErrors(error.fieldErrors());
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="create-webhook-title">
      <Title order={3} size="h4" id="create-webhook-title" mb="sm">
        {t('admin.webhooks.create')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} aria-labelledby="create-webhook-title">
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('admin.webhooks.url')} type="url" required {...form.getInputProps('url')} />
            <TextInput label={t('admin.webhooks.events')} {...form.getInputProps('events')} />
            <TextInput label={t('admin.webhooks.description')} {...form.getInputProps('description')} />
          </Group>
          <ProblemAlert error={create.error} />
          {create.data && (
            <Alert color="green" variant="light" role="status">
              <Text size="sm" fw={600} mb={4}>
                {t('admin.webhooks.created')}
              </Text>
              <Code data-testid="webhook-secret">{create.data.data.secret}</Code>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('admin.webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
