import { Checkbox, Fieldset, Radio, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ASSISTANCE_TYPES, ASSISTANCE_TYPE_WORDING, CONSENT_STATUSES } from '@liaison/domain';
import { t } from '../../../i18n/t';
import {
  EXTRADITION_TEXT_FIELDS,
  LONG_FIELDS,
  UNTOC_TEXT_FIELDS,
  type DraftValues,
  type TextField,
} from './draft-values';

/** What the request states: UNTOC Art. 18(15) (a)–(f), and what each kind adds. */
export function ContentSection({ form }: { form: UseFormReturnType<DraftValues> }) {
  const { kind } = form.values;
  return (
    <Fieldset legend={t('newRequest.steps.content')}>
      <Stack>
        <Text size="sm" c="gray.8">
          {t('newRequest.noPersonalData')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {UNTOC_TEXT_FIELDS.map((field) => (
            <ContentText key={field} form={form} field={field} />
          ))}
        </SimpleGrid>
        {kind === 'mla' && (
          <Checkbox.Group label={t('newRequest.assistanceTypes')} {...form.getInputProps('assistanceTypes')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} mt={4} spacing={6}>
              {ASSISTANCE_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={ASSISTANCE_TYPE_WORDING[type]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        {kind === 'extradition' && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {EXTRADITION_TEXT_FIELDS.map((field) => (
              <ContentText key={field} form={form} field={field} />
            ))}
          </SimpleGrid>
        )}
        {kind === 'repatriation' && <RepatriationFields form={form} />}
      </Stack>
    </Fieldset>
  );
}

function ContentText({ form, field }: { form: UseFormReturnType<DraftValues>; field: TextField }) {
  const props = { label: t(`newRequest.fields.${field}`), ...form.getInputProps(`texts.${field}`) };
  return LONG_FIELDS.has(field) ? <Textarea autosize minRows={2} maxRows={8} {...props} /> : <TextInput {...props} />;
}

function YesNo({
  form,
  path,
  label,
}: {
  form: UseFormReturnType<DraftValues>;
  path: keyof DraftValues;
  label: string;
}) {
  return (
    <Radio.Group label={label} {...form.getInputProps(path)}>
      <Group mt={4}>
        <Radio value="yes" label={t('common.yes')} />
        <Radio value="no" label={t('common.no')} />
      </Group>
    </Radio.Group>
  );
}

function RepatriationFields({ form }: { form: UseFormReturnType<DraftValues> }) {
  return (
    <Stack>
      <Radio.Group label={t('newRequest.consentStatus')} {...form.getInputProps('consentStatus')}>
        <Group mt={4}>
          {CONSENT_STATUSES.map((status) => (
            <Radio key={status} value={status} label={t(`newRequest.consentStatuses.${status}`)} />
          ))}
        </Group>
      </Radio.Group>
      <YesNo form={form} path="victimWishesToReturn" label={t('newRequest.wishesToReturn')} />
      <YesNo form={form} path="pendingProceedingsExist" label={t('newRequest.pendingProceedingsExist')} />
      {form.values.pendingProceedingsExist === 'yes' && (
        <Textarea
          label={t('newRequest.pendingProceedingsDetails')}
          autosize
          minRows={2}
          {...form.getInputProps('pendingProceedingsDetails')}
        />
      )}
    </Stack>
  );
}
