import { Card, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { humanize, kindLabel } from '../../components/labels';
import { formatSpan } from '../../components/time-left';
import { t } from '../../i18n/t';
import { Withheld } from './count-value';
import type { StatisticsView } from './statistics-api';

const span = (seconds: number | null) => (seconds === null ? '—' : formatSpan(seconds * 1000));

/** Median and 90th percentile of the ended stays in each state; withheld under the threshold. */
export function TimeInStateTable({ view }: { view: StatisticsView }) {
  const threshold = view.suppressionThreshold;
  return (
    <FigureTable
      title={t('statistics.sections.timeInState')}
      note={view.method.timeInState}
      head={[
        t('statistics.columns.kind'),
        t('statistics.columns.state'),
        t('statistics.columns.stays'),
        t('statistics.columns.median'),
        t('statistics.columns.p90'),
      ]}
      rows={view.timeInState.map((row) => ({
        key: `${row.kind}:${row.state}`,
        cells: [
          kindLabel(row.kind),
          humanize(row.state),
          ...(row.suppressed
            ? [<Withheld key="w" threshold={threshold} />, '—', '—']
            : [row.stays ?? '—', span(row.medianSeconds), span(row.p90Seconds)]),
        ],
      }))}
    />
  );
}

/** Per workflow clock: how many runs ran their course and how many of them went overdue. */
export function OverdueRatesTable({ view }: { view: StatisticsView }) {
  const threshold = view.suppressionThreshold;
  return (
    <FigureTable
      title={t('statistics.sections.overdueRates')}
      note={view.method.overdueRate}
      head={[
        t('statistics.columns.deadline'),
        t('statistics.columns.ran'),
        t('statistics.columns.overdue'),
        t('statistics.columns.rate'),
      ]}
      rows={view.overdueRates.map((row) => ({
        key: row.deadlineKind,
        cells: [
          humanize(row.deadlineKind),
          ...(row.suppressed
            ? [<Withheld key="w" threshold={threshold} />, '—', '—']
            : [row.ran ?? '—', row.overdue ?? '—', row.rate === null ? '—' : `${Math.round(row.rate * 100)} %`]),
        ],
      }))}
    />
  );
}

function FigureTable(props: {
  title: string;
  note: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {props.title}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {props.note}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped>
          <Table.Caption className="visually-hidden">{props.title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {props.head.map((label) => (
                <Table.Th key={label} scope="col">
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.key}>
                {row.cells.map((cell, index) => (
                  <Table.Td key={index}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            {props.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={props.head.length}>{t('common.noResults')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
