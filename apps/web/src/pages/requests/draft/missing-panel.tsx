import { Alert, List, Paper, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { CompletenessItem } from '@liaison/domain';
import { t } from '../../../i18n/t';

/** What the request still lacks before submission, live, in the words of UNTOC Art. 18(15) and the kind's sources. */
export function MissingPanel({ missing }: { missing: readonly CompletenessItem[] }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="missing-title" aria-live="polite">
      <Title order={2} size="h4" id="missing-title" mb="xs">
        {t('newRequest.missingTitle')}
      </Title>
      {missing.length === 0 ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden size={18} />} p="xs">
          <Text size="sm" c="#1e6b30">
            {t('newRequest.missingNone')}
          </Text>
        </Alert>
      ) : (
        <>
          <Text size="sm" mb={4}>
            {t('newRequest.missingIntro')}
          </Text>
          <List size="sm" spacing={6} aria-label={t('newRequest.missingTitle')}>
            {missing.map((item) => (
              <List.Item key={item.id} data-missing={item.id}>
                {item.wording}
                <Text size="xs" c="gray.8">
                  {item.source}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
