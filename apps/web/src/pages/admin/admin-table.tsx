import { Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../i18n/t';

interface AdminTableProps {
  pending: boolean;
  empty: boolean;
  emptyText: string;
  /** Read by screen readers only: the table's name. */
  caption: string;
  columns: string[];
  minWidth: number;
  testId: string;
  children: ReactNode;
}

/** An admin list: a loader while pending, a sentence when empty, else a striped table with a hidden caption. */
export function AdminTable({
  pending,
  empty,
  emptyText,
  caption,
  columns,
  minWidth,
  testId,
  children,
}: AdminTableProps) {
  if (pending) return <Loader size="sm" role="status" aria-label={t('app.loading')} />;
  if (empty) return <Text>{emptyText}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
