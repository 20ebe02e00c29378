import { Alert, Button, Card, Code, Group, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiProblem } from '../../api/api-problem';
import { api } from '../../api/http';
import type { SsoSettings } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';

interface SsoForm {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  acceptedAmr: string;
  acceptedAcr: string;
  enabled: boolean;
  passwordSignIn: boolean;
}

const ssoKey = (agencyId: string) => ['admin', 'sso', agencyId] as const;
const words = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/** `GET/PUT /v1/agencies/:id/sso`: the agency's OpenID provider, set by its ADMIN. The secret is never shown. */
export function SsoPanel({ agencyId }: { agencyId: string }) {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ssoKey(agencyId),
    queryFn: ({ signal }) => api.get<SsoSettings>(`/agencies/${agencyId}/sso`, undefined, signal),
  });
  const form = useForm<SsoForm>({
    initialValues: {
      issuer: '',
      clientId: '',
      clientSecret: '',
      emailClaim: 'email',
      acceptedAmr: '',
      acceptedAcr: '',
      enabled: true,
      passwordSignIn: true,
    },
  });
  const data = settings.data;
  useEffect(() => {
    if (!data?.configured) return;
    form.setValues({
      issuer: data.issuer ?? '',
      clientId: data.clientId ?? '',
      clientSecret: '',
      emailClaim: data.emailClaim,
      acceptedAmr: data.acceptedAmr.join(', '),
      acceptedAcr: data.acceptedAcr.join(', '),
      enabled: data.enabled,
      passwordSignIn: data.passwordSignIn,
    });
    // the form follows what the server holds, once per answer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  const save = useMutation({
    mutationFn: (values: SsoForm) =>
      api.put<SsoSettings>(`/agencies/${agencyId}/sso`, {
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        emailClaim: values.emailClaim.trim() || 'email',
        acceptedAmr: words(values.acceptedAmr),
        acceptedAcr: words(values.acceptedAcr),
        enabled: values.enabled,
        passwordSignIn: values.passwordSignIn,
      }),
    onSuccess: ({ data: saved }) => queryClient.setQueryData(ssoKey(agencyId), saved),
    onError: (error) => {
      if (isApiProblem(error)) form.setErrors(error.fieldErrors());
    },
  });

  return (
    <Card withBorder component="section" aria-labelledby="sso-settings-title">
      <Title order={2} size="h3" id="sso-settings-title" mb="xs">
        {t('admin.sso.title')}
      </Title>
      <Text size="sm" c="gray.8" mb="md">
        {t('admin.sso.intro')}
      </Text>
      <ProblemAlert error={settings.error} />
      {data && (
        <Stack gap={4} mb="md">
          <Text size="sm" fw={600}>
            {t('admin.sso.redirectUri')}
          </Text>
          <Code data-testid="sso-redirect-uri">{data.redirectUri}</Code>
          <Text size="sm" c="gray.8">
            {data.provenAt
              ? t('admin.sso.proven', { at: new Date(data.provenAt).toLocaleString() })
              : t('admin.sso.notProven')}
          </Text>
        </Stack>
      )}
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} aria-labelledby="sso-settings-title">
        <Stack>
          <TextInput label={t('admin.sso.issuer')} type="url" required {...form.getInputProps('issuer')} />
          <Group grow align="flex-start">
            <TextInput label={t('admin.sso.clientId')} required {...form.getInputProps('clientId')} />
            <PasswordInput
              label={t('admin.sso.clientSecret')}
              description={data?.clientSecretSet ? t('admin.sso.clientSecretKept') : undefined}
              required={!data?.clientSecretSet}
              autoComplete="new-password"
              {...form.getInputProps('clientSecret')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('admin.sso.emailClaim')} {...form.getInputProps('emailClaim')} />
            <TextInput
              label={t('admin.sso.acceptedAmr')}
              description={t('admin.sso.acceptedAmrHint')}
              {...form.getInputProps('acceptedAmr')}
            />
            <TextInput label={t('admin.sso.acceptedAcr')} {...form.getInputProps('acceptedAcr')} />
          </Group>
          <Switch label={t('admin.sso.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Switch
            label={t('admin.sso.passwordSignIn')}
            description={t('admin.sso.passwordSignInHint')}
            {...form.getInputProps('passwordSignIn', { type: 'checkbox' })}
          />
          <ProblemAlert error={save.error} />
          {save.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('admin.sso.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('admin.sso.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
