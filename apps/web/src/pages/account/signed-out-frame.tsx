import { Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../i18n/t';

/** The frame of the pages reached signed out (links from e-mails, a forgotten password), as the sign-in page's. */
export function SignedOutFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={480} component="main" py={64}>
      <Center mb="lg">
        <Stack gap={4} align="center">
          <Title order={1} ta="center">
            {title}
          </Title>
          <Text c="gray.8" size="sm">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
      <Paper withBorder p="lg" radius="md">
        {children}
      </Paper>
    </Container>
  );
}
