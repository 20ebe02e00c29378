import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GENDERS, PERSON_ROLES } from '@liaison/domain';
import { t } from '../../../i18n/t';
import type { PersonValues } from './person-values';

/** The inputs of one person, shared by the add form and the edit dialog. */
export function PersonFields({ form, columns = 4 }: { form: UseFormReturnType<PersonValues>; columns?: number }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: columns }}>
        <Select
          label={t('newRequest.persons.role')}
          data={PERSON_ROLES.map((role) => ({ value: role, label: t(`newRequest.persons.roles.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('newRequest.persons.gender')}
          data={GENDERS.map((gender) => ({ value: gender, label: t(`newRequest.persons.genders.${gender}`) }))}
          allowDeselect={false}
          {...form.getInputProps('gender')}
        />
        <TextInput label={t('newRequest.persons.nationality')} maxLength={2} {...form.getInputProps('nationality')} />
        <Select
          label={t('newRequest.persons.minor')}
          data={(['yes', 'no', 'unknown'] as const).map((value) => ({
            value,
            label: t(`newRequest.persons.minorOptions.${value}`),
          }))}
          allowDeselect={false}
          {...form.getInputProps('minor')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea label={t('newRequest.persons.names')} autosize minRows={1} {...form.getInputProps('names')} />
        <TextInput label={t('newRequest.persons.dateOfBirth')} {...form.getInputProps('dateOfBirth')} />
      </SimpleGrid>
    </Stack>
  );
}
