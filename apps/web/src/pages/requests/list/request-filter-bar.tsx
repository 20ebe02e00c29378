import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { LEGAL_BASES, REQUEST_KINDS, workflowOf } from '@liaison/domain';
import { useState } from 'react';
import { humanize, kindLabel } from '../../../components/labels';
import { t } from '../../../i18n/t';
import type { RequestFilters } from './request-filters';

const statesOf = (filters: RequestFilters): string[] => {
  const kinds = filters.kind ? [filters.kind] : REQUEST_KINDS;
  return [...new Set(kinds.flatMap((kind) => Object.keys(workflowOf(kind).states)))].sort();
};

/** The filters of the requests list; every change goes to the URL. */
export function RequestFilterBar({
  filters,
  onChange,
}: {
  filters: RequestFilters;
  onChange: (change: Partial<RequestFilters>) => void;
}) {
  const [text, setText] = useState(filters.q ?? '');
  const [country, setCountry] = useState(filters.counterpartCountry ?? '');
  const sendText = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 400);
  const sendCountry = useDebouncedCallback((code: string) => {
    if (code === '' || /^[A-Za-z]{2}$/.test(code)) onChange({ counterpartCountry: code.toUpperCase() || undefined });
  }, 400);
  const legalBases = LEGAL_BASES.filter((basis) => !filters.kind || basis.kinds.includes(filters.kind));

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('requests.filters.label')}>
      <Select
        label={t('requests.filters.kind')}
        placeholder={t('requests.filters.any')}
        data={REQUEST_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        value={filters.kind ?? null}
        onChange={(kind) => onChange({ kind: (kind as RequestFilters['kind']) ?? undefined, state: undefined })}
        clearable
        w={210}
      />
      <Select
        label={t('requests.filters.state')}
        placeholder={t('requests.filters.any')}
        data={statesOf(filters).map((state) => ({ value: state, label: humanize(state) }))}
        value={filters.state ?? null}
        onChange={(state) => onChange({ state: state ?? undefined })}
        clearable
        searchable
        w={190}
      />
      <TextInput
        label={t('requests.filters.counterpartCountry')}
        placeholder={t('requests.filters.counterpartPlaceholder')}
        value={country}
        maxLength={2}
        onChange={(event) => {
          setCountry(event.currentTarget.value);
          sendCountry(event.currentTarget.value);
        }}
        w={110}
      />
      <Select
        label={t('requests.filters.legalBasis')}
        placeholder={t('requests.filters.any')}
        data={legalBases.map((basis) => ({ value: basis.id, label: basis.name }))}
        value={filters.legalBasis ?? null}
        onChange={(legalBasis) => onChange({ legalBasis: legalBasis ?? undefined })}
        clearable
        w={220}
        comboboxProps={{ width: 420 }}
      />
      <TextInput
        label={t('requests.filters.text')}
        description={t('requests.filters.textHint')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          sendText(event.currentTarget.value);
        }}
        w={200}
        type="search"
      />
      <Checkbox
        label={t('requests.filters.overdue')}
        checked={filters.overdue}
        onChange={(event) => onChange({ overdue: event.currentTarget.checked })}
        mb={8}
      />
      <Button
        variant="subtle"
        onClick={() => {
          setText('');
          setCountry('');
          onChange({
            kind: undefined,
            state: undefined,
            counterpartCountry: undefined,
            legalBasis: undefined,
            q: undefined,
            overdue: false,
          });
        }}
      >
        {t('requests.filters.clear')}
      </Button>
    </Group>
  );
}
