import {
  Alert,
  Fieldset,
  List,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  HANDLING_CODES,
  HANDLING_CODE_MEANINGS,
  LEGAL_BASES,
  REQUEST_KINDS,
  describeWorkflow,
  findLegalBasis,
  formatDuration,
  languageWarning,
  type RequestKind,
} from '@liaison/domain';
import type { Agency, Me } from '../../../api/types';
import { kindLabel } from '../../../components/labels';
import { t } from '../../../i18n/t';
import { DEFAULT_LEGAL_BASIS, type DraftValues } from './draft-values';

interface Props {
  form: UseFormReturnType<DraftValues>;
  agencies: Agency[];
  me: Me;
  /** The kind is fixed once the draft exists. */
  kindLocked: boolean;
}

/** Kind, requested agency, legal basis with its deadlines, urgency, language, handling, title. */
export function PartiesSection({ form, agencies, me, kindLocked }: Props) {
  const { values } = form;
  const foreign = agencies.filter((agency) => agency.country !== me.agency.country);
  const requested = agencies.find((agency) => agency.id === values.requestedAgencyId);
  const warning = requested ? languageWarning(values.language, requested.acceptedLanguages) : undefined;
  const bases = LEGAL_BASES.filter((basis) => basis.kinds.includes(values.kind));

  return (
    <Fieldset legend={t('newRequest.steps.kind')}>
      <Stack>
        <div>
          <Text size="sm" fw={500} id="kind-label" mb={4}>
            {t('newRequest.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="kind-label"
            disabled={kindLocked}
            value={values.kind}
            onChange={(kind) => {
              form.setFieldValue('kind', kind as RequestKind);
              form.setFieldValue('legalBasis', DEFAULT_LEGAL_BASIS[kind as RequestKind]);
            }}
            data={REQUEST_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          />
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={
              values.kind === 'repatriation'
                ? t('newRequest.requestedAgencyRepatriation')
                : t('newRequest.requestedAgency')
            }
            description={t('newRequest.requestedAgencyHint')}
            data={foreign.map((agency) => ({ value: agency.id, label: `${agency.name} (${agency.country})` }))}
            searchable
            required
            {...form.getInputProps('requestedAgencyId')}
          />
          <Select
            label={t('newRequest.legalBasis')}
            data={bases.map((basis) => ({ value: basis.id, label: basis.name }))}
            required
            allowDeselect={false}
            {...form.getInputProps('legalBasis')}
          />
        </SimpleGrid>
        <Deadlines kind={values.kind} legalBasisId={values.legalBasis} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Select
            label={t('newRequest.urgency')}
            data={[
              { value: 'normal', label: t('newRequest.urgencies.normal') },
              { value: 'urgent', label: t('newRequest.urgencies.urgent') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('urgency')}
          />
          <TextInput
            label={t('newRequest.language')}
            description={t('newRequest.languageHint')}
            maxLength={3}
            {...form.getInputProps('language')}
          />
          <TextInput
            type="date"
            label={t('newRequest.suggestedDeadline')}
            {...form.getInputProps('suggestedDeadline')}
          />
        </SimpleGrid>
        {warning && requested && (
          <Alert color="yellow" role="status">
            <Text size="sm">
              {t('newRequest.languageWarning', {
                agency: requested.name,
                accepted: requested.acceptedLanguages.join(', '),
                language: values.language,
              })}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('handling.label')}
            data={HANDLING_CODES.map((code) => ({ value: code, label: `${code}: ${HANDLING_CODE_MEANINGS[code]}` }))}
            allowDeselect={false}
            {...form.getInputProps('handlingCode')}
          />
          {values.handlingCode === 'H3' && (
            <Textarea
              label={t('handling.restriction')}
              required
              autosize
              minRows={1}
              {...form.getInputProps('handlingRestriction')}
            />
          )}
        </SimpleGrid>
        <TextInput
          label={t('newRequest.titleField')}
          description={t('newRequest.titleHint')}
          required
          maxLength={300}
          {...form.getInputProps('title')}
        />
      </Stack>
    </Fieldset>
  );
}

/** The clocks this kind runs, with the chosen basis's figures and their legal sources. */
function Deadlines({ kind, legalBasisId }: { kind: RequestKind; legalBasisId: string }) {
  const timers = describeWorkflow(kind, findLegalBasis(legalBasisId)).timers;
  return (
    <section aria-labelledby="deadlines-title">
      <Text size="sm" fw={600} id="deadlines-title">
        {t('newRequest.deadlinesTitle')}
      </Text>
      <List size="sm" spacing={2}>
        {timers.map((timer) => (
          <List.Item key={timer.name}>
            {t('newRequest.deadlineLine', {
              description: timer.description,
              duration: formatDuration(timer.duration),
              source: timer.source,
            })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
