import { Card, Loader, SimpleGrid, Table, Title } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { t } from '../../i18n/t';
import { CountValue } from './count-value';
import type { CountCell } from './statistics-api';

const StatisticsChart = lazy(() => import('./statistics-chart'));

export interface CountRow {
  key: string;
  label: string;
  cell: CountCell;
}

/** One breakdown: its chart (published counts only) and its table, where withheld cells are marked. */
export function CountSection(props: { title: string; column: string; rows: CountRow[]; threshold: number }) {
  const { title, column, rows, threshold } = props;
  const headingId = useId();
  const bars = rows
    .filter((row) => !row.cell.suppressed && row.cell.count !== null)
    .map((row) => ({ label: row.label, value: row.cell.count as number }));
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table withTableBorder striped>
          <Table.Caption className="visually-hidden">{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{column}</Table.Th>
              <Table.Th scope="col">{t('statistics.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                <Table.Td>
                  <CountValue cell={row.cell} threshold={threshold} />
                </Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={2}>{t('common.noResults')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {bars.length > 0 && (
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('app.loading')} />}>
            <StatisticsChart bars={bars} name={t('statistics.count')} />
          </Suspense>
        )}
      </SimpleGrid>
    </Card>
  );
}
