import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventDescription } from '@liaison/domain';
import { useState } from 'react';
import { isApiProblem } from '../../../api/api-problem';
import { api } from '../../../api/http';
import type { HistoryEntry, RequestView, TransitionResult } from '../../../api/types';
import { humanize } from '../../../components/labels';
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
 * The form of one allowed event, built from its payload fields. What the user leaves out is not checked here:
 * the server decides, and its refusal (reason, fields, missing items) is shown as it is.
 */
export function ActionDialog({ request, event, context, history, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({});
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
          send.mutate();
        }}
        aria-label={humanize(event.name)}
      >
        <Stack>
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
            />
          ))}
          {showsGrounds && context.workflow.notGrounds.length > 0 && (
            <Alert color="gray" p="xs">
              <List size="xs">
                {context.workflow.notGrounds.map((notGround) => (
                  <List.Item key={notGround.description}>
                    {notGround.description} ({notGround.source})
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {stale ? (
            <Alert color="yellow" role="alert">
              {t('detail.stale')}
            </Alert>
          ) : (
            <ProblemAlert error={send.error} title={t('detail.refusedTitle')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} disabled={stale}>
              {t('detail.send', { event: humanize(event.name) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
