import { Badge, Text } from '@mantine/core';
import { t } from '../../i18n/t';
import type { CountCell } from './statistics-api';

/** A published count, or the "withheld" mark (with why, for a pointer and a screen reader alike). */
export function CountValue({ cell, threshold }: { cell: CountCell; threshold: number }) {
  if (cell.suppressed || cell.count === null) return <Withheld threshold={threshold} />;
  return <Text span>{cell.count}</Text>;
}

export function Withheld({ threshold }: { threshold: number }) {
  const why = t('statistics.suppressedLong', { threshold });
  return (
    <Badge variant="outline" color="gray.8" title={why} data-suppressed="true">
      {t('statistics.suppressed')}
      <span className="visually-hidden"> ({why})</span>
    </Badge>
  );
}
