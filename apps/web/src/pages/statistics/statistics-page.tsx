import { Alert, Badge, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { REQUEST_KINDS } from '@liaison/domain';
import type { RequestKind } from '../../api/types';
import { ProblemState } from '../../components/error-state';
import { formatDateTime, humanize, kindLabel } from '../../components/labels';
import { t, tOr } from '../../i18n/t';
import { CountSection } from './count-section';
import { CountValue } from './count-value';
import { OverdueRatesTable, TimeInStateTable } from './duration-tables';
import { useStatistics, type StatisticsView } from './statistics-api';

/** The api takes whole calendar months (YYYY-MM) as time filters, so that windows cannot be differenced. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Monitoring and evaluation (docs/domain.md, Statistics): aggregates of the caller's scope, small cells withheld and
 * marked.
 */
export default function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const kind = (REQUEST_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as RequestKind)
    : undefined;
  const from = MONTH.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined;
  const to = MONTH.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined;
  const statistics = useStatistics({ kind, from, to });
  const set = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  if (statistics.error) return <ProblemState error={statistics.error} onRetry={() => void statistics.refetch()} />;
  const view = statistics.data;

  return (
    <Stack>
      <Title order={1}>{t('statistics.title')}</Title>
      <Text>{t('statistics.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('statistics.kind')}
          data={[
            { value: '', label: t('statistics.allKinds') },
            ...REQUEST_KINDS.map((value) => ({ value, label: kindLabel(value) })),
          ]}
          value={kind ?? ''}
          onChange={(value) => set('kind', value || null)}
          allowDeselect={false}
          w={260}
        />
        <TextInput
          type="month"
          label={t('statistics.from')}
          value={from ?? ''}
          onChange={(event) => set('from', event.currentTarget.value || null)}
          placeholder="YYYY-MM"
          w={180}
        />
        <TextInput
          type="month"
          label={t('statistics.to')}
          value={to ?? ''}
          onChange={(event) => set('to', event.currentTarget.value || null)}
          placeholder="YYYY-MM"
          w={180}
        />
      </Group>
      {!view ? <Loader role="status" aria-label={t('app.loading')} /> : <Figures view={view} />}
    </Stack>
  );
}

function Figures({ view }: { view: StatisticsView }) {
  const threshold = view.suppressionThreshold;
  const { requests, victims } = view;
  return (
    <>
      <Group gap="md">
        <Badge size="lg" variant="outline" color="indigo.9">
          {view.scope === 'all' ? t('statistics.scopeAll') : t('statistics.scopeAgency')}
        </Badge>
        <Text fw={600}>
          {t('statistics.total')}: <CountValue cell={requests.total} threshold={threshold} />
        </Text>
        <Text size="sm" c="gray.8">
          {t('statistics.generated', { time: formatDateTime(view.generatedAt) })}
        </Text>
      </Group>
      <Alert variant="light" color="gray" role="note">
        {t('statistics.suppressedLegend', { threshold })}
      </Alert>
      <CountSection
        title={t('statistics.sections.byKind')}
        column={t('statistics.columns.kind')}
        threshold={threshold}
        rows={requests.byKind.map((cell) => ({ key: cell.kind, label: kindLabel(cell.kind), cell }))}
      />
      <CountSection
        title={t('statistics.sections.byState')}
        column={t('statistics.columns.state')}
        threshold={threshold}
        rows={requests.byState.map((cell) => ({
          key: `${cell.kind}:${cell.state}`,
          label: `${kindLabel(cell.kind)}: ${humanize(cell.state)}`,
          cell,
        }))}
      />
      <CountSection
        title={t('statistics.sections.byCountryPair')}
        column={t('statistics.columns.pair')}
        threshold={threshold}
        rows={requests.byCountryPair.map((cell) => ({
          key: `${cell.requestingCountry}-${cell.requestedCountry}`,
          label: `${cell.requestingCountry} → ${cell.requestedCountry}`,
          cell,
        }))}
      />
      <CountSection
        title={t('statistics.sections.byMonth')}
        column={t('statistics.columns.month')}
        threshold={threshold}
        rows={requests.byMonth.map((cell) => ({ key: cell.month, label: cell.month, cell }))}
      />
      <CountSection
        title={t('statistics.sections.byLegalBasis')}
        column={t('statistics.columns.legalBasis')}
        threshold={threshold}
        rows={requests.byLegalBasis.map((cell) => ({ key: cell.legalBasis, label: cell.legalBasis, cell }))}
      />
      <TimeInStateTable view={view} />
      <OverdueRatesTable view={view} />
      <CountSection
        title={t('statistics.sections.victimsByGender')}
        column={t('statistics.columns.gender')}
        threshold={threshold}
        rows={victims.byGender.map((cell) => ({
          key: cell.gender,
          label: tOr(`newRequest.persons.genders.${cell.gender}`, humanize(cell.gender)),
          cell,
        }))}
      />
      <CountSection
        title={t('statistics.sections.victimsByAgeBand')}
        column={t('statistics.columns.ageBand')}
        threshold={threshold}
        rows={victims.byAgeBand.map((cell) => ({ key: cell.ageBand, label: humanize(cell.ageBand), cell }))}
      />
      <CountSection
        title={t('statistics.sections.victimsByNationality')}
        column={t('statistics.columns.nationality')}
        threshold={threshold}
        rows={victims.byNationality.map((cell) => ({ key: cell.nationality, label: cell.nationality, cell }))}
      />
      <details>
        <summary>{t('statistics.method')}</summary>
        <Stack gap="xs" mt="xs">
          {Object.values(view.method).map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
      </details>
    </>
  );
}
