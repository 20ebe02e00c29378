import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkPayload, type EventDescription, type FieldProblem } from '@liaison/domain';
import { useState } from 'react';
import { isApiProblem } from '../../../api/api-problem';
import { api } from '../../../api/http';
import type { HistoryEntry, RequestView, TransitionResult } from '../../../api/types';
import { eventPhrase, humanize } from '../../../components/labels';
import { AskedQuestion } from './asked-question';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { PayloadInput, payloadOf, type PayloadContext } from './payload-input';

interface Props {
  request: RequestView;
  event: EventDescription;
  context: PayloadContext;
  history: readonly HistoryEntry[];
  onClose: () => void;
  onDone: (result: TransitionResult) => void;
}

/**
 * The form of one allowed event, built from its payload fields and checked against them (the domain's own
 * `checkPayload`) before it is sent; the server still decides, and its refusal is shown at the top in words.
 * An event that ends or halts the request asks for confirmation and is drawn in the warning colour.
 */
export function ActionDialog({ request, event, context, history, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const send = useMutation({
    mutationFn: async () =>
      (
        await api.post<TransitionResult>(
          `/requests/${request.id}/transitions`,
          { event: event.name, payload: payloadOf(event.payload, values) },
          { ifMatch: request.version },
        )
      ).data,
    onSuccess: onDone,
    onError: (error) => {
      // A stale version (412) or a concurrent change (409): show the request as it now is.
      if (isApiProblem(error) && (error.status === 412 || error.status === 409)) {
        void queryClient.invalidateQueries({ queryKey: ['request', request.id] });
      }
    },
  });
  const stale = isApiProblem(send.error) && (send.error.status === 412 || send.error.status === 409);
  const showsGrounds = event.payload.some((field) => field.name === 'grounds');

  return (
    <Modal
      opened
      onClose={onClose}
      title={humanize(event.name)}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(submitted) => {
          submitted.preventDefault();
          const found = checkPayload(event.payload, payloadOf(event.payload, values), new Date());
          setProblems(found);
          if (found.length === 0) send.mutate();
        }}
        aria-label={humanize(event.name)}
      >
        <Stack>
          {stale ? (
            <Alert color="yellow" role="alert">
              {t('detail.stale')}
            </Alert>
          ) : (
            <ProblemAlert error={send.error} title={t('detail.refusedTitle')} />
          )}
          {problems.length > 0 && (
            <Alert color="red" role="alert" data-testid="form-incomplete">
              {t('detail.formIncomplete', { count: problems.length })}
            </Alert>
          )}
          <AskedQuestion request={request} history={history} workflow={context.workflow} />
          {(event.note || event.source) && (
            <Text size="sm" c="gray.8">
              {[event.note, event.source].filter(Boolean).join(' — ')}
            </Text>
          )}
          {event.payload.map((field) => (
            <PayloadInput
              key={field.name}
              field={field}
              value={values[field.name]}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
              context={context}
              error={fieldError(problems, field)}
            />
          ))}
          {showsGrounds && context.workflow.notGrounds.length > 0 && (
            <Alert color="gray" p="xs" title={t('detail.notGrounds')}>
              <List size="xs" aria-label={t('detail.notGrounds')}>
                {context.workflow.notGrounds.map((notGround) => (
                  <List.Item key={notGround.description}>
                    {notGround.description} ({notGround.source})
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {event.destructive && (
            <Alert color="orange" p="xs">
              <Text size="sm" mb={6}>
                {t('detail.destructiveWarning', { event: eventPhrase(event.name) })}
              </Text>
              <Checkbox
                label={t('detail.destructiveConfirm', { event: eventPhrase(event.name) })}
                checked={confirmed}
                onChange={(change) => setConfirmed(change.currentTarget.checked)}
              />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={send.isPending}
              disabled={stale || (event.destructive && !confirmed)}
              color={event.destructive ? 'red.9' : undefined}
            >
              {t('detail.send', { event: humanize(event.name) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What is wrong with a field's answer, without repeating its label. */
function fieldError(problems: readonly FieldProblem[], field: EventDescription['payload'][number]): string | undefined {
  const problem = problems.find((each) => each.field === field.name);
  if (!problem) return undefined;
  if (problem.problem === 'missing') return t('detail.payload.required');
  const wrong = problem.message.startsWith(field.description)
    ? problem.message.slice(field.description.length).trim()
    : problem.message;
  return wrong.charAt(0).toUpperCase() + wrong.slice(1);
}
