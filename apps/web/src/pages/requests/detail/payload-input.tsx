import { Checkbox, MultiSelect, Radio, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PayloadField, WorkflowDescription } from '@liaison/domain';
import type { Agency, Attachment } from '../../../api/types';
import { humanize } from '../../../components/labels';
import { t } from '../../../i18n/t';

export interface PayloadContext {
  workflow: WorkflowDescription;
  attachments: Attachment[];
  agencies: Agency[];
}

interface Props {
  field: PayloadField;
  value: unknown;
  onChange: (value: unknown) => void;
  context: PayloadContext;
  /** What is wrong with the answer, in words ("Required: please answer this."), not the label again. */
  error?: string;
}

const labelOf = (field: PayloadField) =>
  field.optional ? `${field.description} ${t('detail.payload.optional')}` : field.description;

/** One input of an event's form, chosen by the payload field's type as the workflow describes it. */
export function PayloadInput({ field, value, onChange, context, error }: Props) {
  const label = labelOf(field);
  const marks = { withAsterisk: !field.optional, error };
  switch (field.type) {
    case 'text':
      return (
        <Textarea
          {...marks}
          label={label}
          autosize
          minRows={2}
          value={(value as string) ?? ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...marks}
          type="date"
          label={label}
          value={(value as string) ?? ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'confirmation':
      return (
        <Checkbox
          label={label}
          error={error}
          aria-required={!field.optional}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'choice':
      return field.options.length <= 4 ? (
        <Radio.Group {...marks} label={label} value={(value as string) ?? ''} onChange={onChange}>
          <Group mt={4}>
            {field.options.map((option) => (
              <Radio key={option} value={option} label={humanize(option)} />
            ))}
          </Group>
        </Radio.Group>
      ) : (
        <Select
          {...marks}
          label={label}
          placeholder={t('detail.payload.choose')}
          data={field.options.map((option) => ({ value: option, label: humanize(option) }))}
          value={(value as string) ?? null}
          onChange={onChange}
        />
      );
    case 'choices':
      return (
        <ChoicesInput
          field={field}
          value={(value as string[]) ?? []}
          onChange={onChange}
          context={context}
          error={error}
        />
      );
    case 'reference':
      return field.name.endsWith('AgencyId') ? (
        <Select
          {...marks}
          label={label}
          searchable
          data={context.agencies.map((agency) => ({ value: agency.id, label: `${agency.name} (${agency.country})` }))}
          value={(value as string) ?? null}
          onChange={onChange}
        />
      ) : (
        <TextInput
          {...marks}
          label={label}
          value={(value as string) ?? ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'references':
      return (
        <MultiSelect
          {...marks}
          label={label}
          data={context.attachments.map((attachment) => ({ value: attachment.id, label: attachment.fileName }))}
          value={(value as string[]) ?? []}
          onChange={onChange}
        />
      );
  }
}

/** A checklist; refusal grounds with their wording and legal source from the workflow's list. */
type ChoicesField = Extract<PayloadField, { type: 'choices' }>;

function ChoicesInput({
  field,
  value,
  onChange,
  context,
  error,
}: Omit<Props, 'value' | 'field'> & { field: ChoicesField; value: string[] }) {
  const grounds = new Map(context.workflow.refusalGrounds.map((ground) => [ground.code, ground]));
  const isGrounds = field.options.every((option) => grounds.has(option));
  return (
    <Checkbox.Group
      label={isGrounds ? t('detail.payload.grounds') : labelOf(field)}
      description={isGrounds ? field.description : undefined}
      withAsterisk={!field.optional}
      error={error}
      value={value}
      onChange={onChange}
    >
      <Stack gap={6} mt={6}>
        {field.options.map((option) => {
          const ground = grounds.get(option);
          return (
            <Checkbox
              key={option}
              value={option}
              label={ground ? ground.description : humanize(option)}
              description={
                ground ? (
                  <Text span size="xs" c="gray.8">
                    {ground.source}
                  </Text>
                ) : undefined
              }
            />
          );
        })}
      </Stack>
    </Checkbox.Group>
  );
}

/** The payload to send: empty answers left out, so the server names what is missing. */
export function payloadOf(fields: readonly PayloadField[], values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === false || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    payload[field.name] = typeof value === 'string' ? value.trim() : value;
  }
  return payload;
}
