import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { missingForSubmission } from '@liaison/domain';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/http';
import type { Agency, Person, RequestView, TransitionResult } from '../../api/types';
import { useSession } from '../../auth/session';
import { ProblemState } from '../../components/error-state';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { AttachmentsSection } from './draft/attachments-section';
import { ContentSection } from './draft/content-section';
import {
  createBody,
  draftFromRequest,
  factsContent,
  initialDraft,
  updateBody,
  type DraftValues,
} from './draft/draft-values';
import { MissingPanel } from './draft/missing-panel';
import { PartiesSection } from './draft/parties-section';
import { PersonsSection } from './draft/persons-section';
import { personsKey } from './persons/persons-query';

/**
 * The draft's own fields are one form; the persons and attachments sections, with forms of their own, stand
 * outside it (a form inside a form is invalid HTML: its submit would submit and reload the draft), and the save
 * button outside it too, tied to it by id.
 */
const DRAFT_FORM = 'draft-form';

/** `/requests/new` and `/requests/:id/edit`: the guided form of a draft, with what it still lacks shown live. */
export default function NewRequestPage() {
  const { id } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<DraftValues>({
    initialValues: initialDraft(),
    validate: {
      requestedAgencyId: (value) => (value ? null : t('newRequest.errors.requestedAgency')),
      title: (value) => (value.trim().length >= 3 ? null : t('newRequest.errors.title')),
      handlingRestriction: (value, values) =>
        values.handlingCode === 'H3' && !value.trim() ? t('newRequest.errors.handlingRestriction') : null,
    },
  });

  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: ({ signal }) => api.get<Agency[]>('/agencies', undefined, signal),
    staleTime: 5 * 60_000,
  });
  const request = useQuery({
    queryKey: ['request', id],
    queryFn: ({ signal }) => api.get<RequestView>(`/requests/${id}`, undefined, signal),
    enabled: !!id,
  });
  const persons = useQuery({
    queryKey: personsKey(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Person[] }>(`/requests/${id}/persons`, undefined, signal),
    enabled: !!id,
  });

  const loadedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!id) {
      if (loadedFor.current !== undefined) form.setValues(initialDraft());
      loadedFor.current = undefined;
      return;
    }
    if (request.data && loadedFor.current !== id) {
      loadedFor.current = id;
      form.setValues(draftFromRequest(request.data));
      form.resetDirty(draftFromRequest(request.data));
    }
  }, [id, request.data, form]);

  /** Creates the draft, or saves its changes against the version read; returns the request as stored. */
  const save = useMutation({
    mutationFn: async (values: DraftValues): Promise<RequestView> => {
      if (!id) return (await api.post<RequestView>('/requests', createBody(values))).data;
      if (!form.isDirty() && request.data) return request.data;
      return (await api.patch<RequestView>(`/requests/${id}`, updateBody(values), { ifMatch: request.data?.version }))
        .data;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['request', saved.id], saved);
      form.resetDirty();
      if (!id) navigate(`/requests/${saved.id}/edit`, { replace: true });
    },
  });
  const submit = useMutation({
    mutationFn: async (values: DraftValues): Promise<TransitionResult> => {
      const saved = await save.mutateAsync(values);
      return (
        await api.post<TransitionResult>(
          `/requests/${saved.id}/transitions`,
          { event: 'submit' },
          { ifMatch: saved.version },
        )
      ).data;
    },
    onSuccess: (result) => {
      queryClient.setQueryData(['request', result.id], result);
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      navigate(`/requests/${result.id}`, {
        state: { notice: t('newRequest.submitted', { reference: result.reference }) },
      });
    },
  });

  if (!me || agencies.isPending || (id && (request.isPending || persons.isPending))) {
    return <Loader role="status" aria-label={t('app.loading')} />;
  }
  const failed = agencies.error ?? request.error ?? persons.error;
  if (failed) return <ProblemState error={failed} />;
  if (request.data && request.data.state !== 'draft') {
    return (
      <Alert>
        <Anchor component={Link} to={`/requests/${request.data.id}`}>
          {t('newRequest.openRequest')} {request.data.reference}
        </Anchor>
      </Alert>
    );
  }

  const personList = persons.data?.items ?? [];
  const missing = missingForSubmission(form.values.kind, factsContent(form.values, personList));

  return (
    <Stack>
      <Title order={1}>
        {t('newRequest.title')}
        {request.data && ` ${request.data.reference}`}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <form id={DRAFT_FORM} onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
              <Stack>
                <PartiesSection form={form} agencies={agencies.data ?? []} me={me} kindLocked={!!id} />
                <ContentSection form={form} />
              </Stack>
            </form>
            {id ? (
              <>
                <PersonsSection requestId={id} persons={personList} />
                <AttachmentsSection requestId={id} language={form.values.language} />
              </>
            ) : (
              <Text size="sm">{t('newRequest.persons.saveDraftFirst')}</Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack pos="sticky" top={80}>
            <MissingPanel missing={missing} />
            <ProblemAlert error={save.error ?? submit.error} />
            {save.isSuccess && request.data && (
              <Text size="sm" role="status">
                {t('newRequest.saved', { reference: request.data.reference })}
              </Text>
            )}
            <Group>
              <Button type="submit" form={DRAFT_FORM} variant="default" loading={save.isPending && !submit.isPending}>
                {id ? t('newRequest.saveChanges') : t('newRequest.saveDraft')}
              </Button>
              <Button
                type="button"
                loading={submit.isPending}
                disabled={missing.length > 0}
                aria-describedby={missing.length > 0 ? 'submit-blocked' : undefined}
                onClick={() => {
                  if (!form.validate().hasErrors) submit.mutate(form.values);
                }}
              >
                {t('newRequest.submit')}
              </Button>
            </Group>
            {missing.length > 0 && (
              <Text size="sm" id="submit-blocked" c="gray.8">
                {t('newRequest.submitBlocked', { missing: t('newRequest.missingTitle') })}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
