import { Alert, Badge, Group, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Person } from '../../../api/types';
import { t } from '../../../i18n/t';

/**
 * Persons as the API returned them: identifying data only when it came in clear, and then the plain statement
 * that reading it was recorded in the audit trail. `actions`: what can be done to each person (on a draft).
 */
export function PersonList({
  persons,
  actions,
}: {
  persons: Person[];
  actions?: (person: Person, index: number) => ReactNode;
}) {
  if (persons.length === 0) return <Text size="sm">{t('newRequest.persons.none')}</Text>;
  const anyClear = persons.some((person) => person.identityDisclosure === 'clear');
  const anyRedacted = persons.some((person) => person.identityDisclosure === 'redacted');
  return (
    <>
      {anyClear && (
        <Alert color="blue" icon={<IconEye aria-hidden size={18} />} p="xs" role="note">
          <Text size="sm">{t('detail.personsRecorded')}</Text>
        </Alert>
      )}
      {anyRedacted && <Text size="sm">{t('detail.personsRedacted')}</Text>}
      <Table aria-label={t('detail.persons')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('newRequest.persons.role')}</Table.Th>
            <Table.Th scope="col">{t('newRequest.persons.gender')}</Table.Th>
            <Table.Th scope="col">{t('newRequest.persons.nationality')}</Table.Th>
            <Table.Th scope="col">{t('newRequest.persons.minor')}</Table.Th>
            <Table.Th scope="col">{t('newRequest.persons.names')}</Table.Th>
            {actions && <Table.Th scope="col">{t('newRequest.persons.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person, index) => (
            <Table.Tr key={person.id}>
              <Table.Td>{t(`newRequest.persons.roles.${person.role}`)}</Table.Td>
              <Table.Td>{person.gender}</Table.Td>
              <Table.Td>{person.nationality ?? t('common.unknown')}</Table.Td>
              <Table.Td>
                {person.minor === null ? t('common.unknown') : person.minor ? t('common.yes') : t('common.no')}
              </Table.Td>
              <Table.Td>
                <Identity person={person} />
              </Table.Td>
              {actions && <Table.Td>{actions(person, index)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function Identity({ person }: { person: Person }) {
  if (person.identityDisclosure === 'purged') return <Badge color="gray.8">{t('detail.personsPurged')}</Badge>;
  if (person.identityDisclosure !== 'clear' || !person.identity) return <Text size="sm">—</Text>;
  const { names, dateOfBirth } = person.identity;
  return (
    <Group gap={6}>
      <Text size="sm">{(names ?? []).join(', ') || '—'}</Text>
      {dateOfBirth && (
        <Text size="sm" c="gray.8">
          ({dateOfBirth})
        </Text>
      )}
    </Group>
  );
}
