import { Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import type { WorkflowDescription } from '@liaison/domain';
import type { Timer } from '../../../api/types';
import { formatDateTime, humanize } from '../../../components/labels';
import { deadlineUrgency, describeRemaining } from '../../../components/time-left';
import { t } from '../../../i18n/t';

const COLOR = { overdue: 'red.9', soon: '#9c3d0a', ok: '#1e6b30' } as const;

/** The clocks running on the request, with the time left; overdue and close ones stand out. */
export function Deadlines({ timers, workflow }: { timers: Timer[]; workflow?: WorkflowDescription }) {
  const described = new Map((workflow?.timers ?? []).map((timer) => [timer.name, timer]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deadlines-heading">
      <Title order={2} size="h4" id="deadlines-heading" mb="sm">
        {t('detail.deadlines')}
      </Title>
      {timers.length === 0 ? (
        <Text size="sm">{t('detail.deadlinesEmpty')}</Text>
      ) : (
        <List spacing="xs" size="sm" listStyleType="none" p={0}>
          {timers.map((timer) => {
            const urgency = deadlineUrgency(timer.remainingMs);
            const info = described.get(timer.name);
            return (
              <List.Item key={timer.name} data-deadline={timer.name} data-urgency={urgency}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge
                    color={COLOR[urgency]}
                    variant={urgency === 'ok' ? 'outline' : 'filled'}
                    style={{ flexShrink: 0 }}
                  >
                    {describeRemaining(timer.remainingMs, timer.status === 'paused')}
                  </Badge>
                  <div>
                    <Text size="sm">{info?.description ?? humanize(timer.name)}</Text>
                    <Text size="xs" c="gray.8">
                      {[timer.dueAt && formatDateTime(timer.dueAt), info?.source].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
