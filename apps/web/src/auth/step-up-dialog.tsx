import { Alert, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { isApiProblem } from '../api/api-problem';
import { api, call, onStepUpRequired } from '../api/http';
import { t } from '../i18n/t';
import { answerWithPasskey } from './passkey-ceremony';

/**
 * Asks for the second factor again when an action needs it (purge, role grants, webhooks, the audit export, new
 * passkeys): the api then records it in the session for five minutes, and the action is sent again.
 */
export function StepUpDialog() {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((done: boolean) => void) | null>(null);

  useEffect(
    () =>
      onStepUpRequired(
        () =>
          new Promise<boolean>((resolve) => {
            settle.current = resolve;
            setCode('');
            setFailure(null);
            setOpen(true);
          }),
      ),
    [],
  );

  const finish = (done: boolean) => {
    setOpen(false);
    settle.current?.(done);
    settle.current = null;
  };
  const attempt = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      finish(true);
    } catch (error) {
      setFailure(
        isApiProblem(error) && error.status === 401 ? t('secondFactor.wrong') : t('secondFactor.passkeyFailed'),
      );
    } finally {
      setBusy(false);
    }
  };
  const withCode = () => attempt(() => api.post('/auth/step-up', { method: 'otp', code: code.trim() }));
  const withPasskey = () =>
    attempt(async () => {
      const options = await call('/auth/step-up/passkey/options', { method: 'POST', body: {} });
      const response = await answerWithPasskey(options.data);
      await api.post('/auth/step-up/passkey', { response });
    });

  return (
    <Modal opened={open} onClose={() => finish(false)} title={t('stepUp.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void withCode();
        }}
      >
        <Stack>
          <Text size="sm">{t('stepUp.intro')}</Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('stepUp.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            data-autofocus
          />
          <Button type="submit" loading={busy}>
            {t('stepUp.submit')}
          </Button>
          <Button variant="default" onClick={() => void withPasskey()} disabled={busy}>
            {t('stepUp.usePasskey')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
