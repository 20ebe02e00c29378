import { Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { WorkflowDescription } from '@liaison/domain';
import { humanize, kindLabel } from '../../../components/labels';
import { t } from '../../../i18n/t';
import { usualCourse } from './usual-course';

interface Props {
  workflow: WorkflowDescription;
  current: string;
  childVictim: boolean;
}

/**
 * Where the request stands on the usual course of its workflow, as numbered steps that wrap at any width (whole,
 * never clipped, at the size of body text); a state off that course (information asked for, postponed, halted,
 * refused) is named beside it. The full diagram follows for every other way.
 */
export function WorkflowProgress({ workflow, current, childVictim }: Props) {
  const course = usualCourse(workflow, childVictim);
  const at = course.indexOf(current);
  const offCourse = at < 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-heading" data-testid="workflow-progress">
      <Title order={2} size="h4" id="progress-heading" mb={4}>
        {t('detail.progress')}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {t('detail.progressCaption', { kind: kindLabel(workflow.kind).toLowerCase() })}
      </Text>
      <Group component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('detail.progress')}>
        {course.map((state, index) => {
          const done = !offCourse && index < at;
          const isCurrent = index === at;
          return (
            <Group
              component="li"
              key={state}
              gap={6}
              wrap="nowrap"
              px="xs"
              py={4}
              data-step={state}
              data-done={done}
              aria-current={isCurrent ? 'step' : undefined}
              style={{
                borderRadius: 6,
                border: `1px solid ${isCurrent ? 'var(--mantine-color-indigo-9)' : 'var(--mantine-color-gray-4)'}`,
                background: isCurrent
                  ? 'var(--mantine-color-indigo-9)'
                  : done
                    ? 'var(--mantine-color-gray-1)'
                    : 'white',
                color: isCurrent ? 'white' : 'var(--mantine-color-gray-9)',
              }}
            >
              {done ? (
                <ThemeIcon size={18} radius="xl" color="#1e6b30" aria-hidden>
                  <IconCheck size={12} />
                </ThemeIcon>
              ) : (
                <Text span size="sm" fw={700} aria-hidden>
                  {index + 1}
                </Text>
              )}
              <Text span size="sm" fw={isCurrent ? 700 : 400}>
                {humanize(state)}
                {(done || isCurrent) && (
                  <span className="visually-hidden">
                    {' '}
                    ({done ? t('detail.progressDone') : t('detail.progressCurrent')})
                  </span>
                )}
              </Text>
            </Group>
          );
        })}
      </Group>
      {offCourse && (
        <Text size="sm" fw={600} mt="sm" data-testid="progress-off-course">
          {t('detail.progressOffPath', { state: humanize(current) })}
        </Text>
      )}
    </Paper>
  );
}
