import { Alert, List, Paper, Text, Title } from '@mantine/core';
import type { WorkflowDescription } from '@liaison/domain';
import type { HistoryEntry, Me, RequestView } from '../../../api/types';
import { capitalized, eventsPhrase, formatDateTime, humanize } from '../../../components/labels';
import { t } from '../../../i18n/t';
import { waitingOn, type ViewerPosition } from './waiting-on';

interface Props {
  workflow: WorkflowDescription;
  request: RequestView;
  me: Me;
  history: readonly HistoryEntry[];
}

/** Who the request is waiting on (agency, role, action, by when), and what that leaves the viewer to do. */
export function WaitingOnPanel({ workflow, request, me, history }: Props) {
  const waiting = waitingOn(workflow, request, me, history);
  const state = workflow.states.find((each) => each.name === request.state);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-heading" data-testid="who-acts-next">
      <Title order={2} size="h4" id="next-heading" mb={4}>
        {t('detail.next.title')}
      </Title>
      {state && (
        <Text size="sm" c="gray.8" mb="xs">
          {state.description}
        </Text>
      )}
      {waiting.final ? (
        <Text size="sm">{t('detail.next.final', { state: humanize(request.state).toLowerCase() })}</Text>
      ) : (
        waiting.parties.map((party) => (
          <div key={party.side}>
            <Text size="sm" fw={600}>
              {t('detail.next.waitingOn', {
                agency: party.agency.name,
                country: party.agency.country,
                side: workflow.sides[party.side],
              })}
            </Text>
            <List size="sm" mb="xs">
              {party.steps.map((step) => (
                <List.Item key={step.role}>
                  {t('detail.next.step', {
                    someone: capitalized(t(`someoneWithRole.${step.role}`)),
                    events: eventsPhrase(step.events),
                  })}
                </List.Item>
              ))}
            </List>
          </div>
        ))
      )}
      {waiting.due && (
        <Text size="sm" mb="xs" data-testid="next-due">
          {t('detail.next.due', { time: formatDateTime(waiting.due.dueAt), description: waiting.due.description })}
        </Text>
      )}
      <ViewerLine position={waiting.viewer} />
    </Paper>
  );
}

function ViewerLine({ position }: { position: ViewerPosition }) {
  if (position.type === 'none') return null;
  const lines =
    position.type === 'acts'
      ? [
          t('detail.next.youAct', { events: eventsPhrase(position.events) }),
          ...position.othersOfSide.map((step) =>
            t('detail.next.othersOfSide', {
              events: capitalized(eventsPhrase(step.events)),
              role: t(`roles.${step.role}`),
            }),
          ),
        ]
      : position.type === 'role'
        ? position.steps.map((step) =>
            t('detail.next.yourRole', { role: t(`roles.${step.role}`), events: eventsPhrase(step.events) }),
          )
        : position.steps.slice(0, 1).map((step) =>
            t('detail.next.otherSide', {
              someone: t(`someoneWithRole.${step.role}`),
              agency: position.agency.name,
              events: eventsPhrase(step.events),
            }),
          );
  return (
    <Alert
      color={position.type === 'acts' ? 'indigo' : 'gray'}
      p="xs"
      data-testid="next-for-you"
      data-position={position.type}
    >
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
