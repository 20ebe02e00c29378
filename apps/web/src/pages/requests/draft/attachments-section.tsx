import { Button, Checkbox, FileInput, Fieldset, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HANDLING_CODES } from '@liaison/domain';
import { useState } from 'react';
import { api } from '../../../api/http';
import type { Attachment } from '../../../api/types';
import { uploadWithProgress } from '../../../api/upload';
import { formatBytes } from '../../../components/labels';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { AttachmentList } from '../attachments/attachment-list';

/** Attachments of the draft, uploaded with a progress bar. */
export function AttachmentsSection({ requestId, language }: { requestId: string; language: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [handlingCode, setHandlingCode] = useState<string>('H0');
  const [translationAttached, setTranslationAttached] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const attachments = useQuery({
    queryKey: ['request', requestId, 'attachments'],
    queryFn: ({ signal }) => api.get<{ items: Attachment[] }>(`/requests/${requestId}/attachments`, undefined, signal),
  });
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.set('file', chosen, chosen.name);
      form.set('handlingCode', handlingCode);
      form.set('language', language || 'en');
      form.set('translationAttached', String(translationAttached));
      setProgress(0);
      return uploadWithProgress<Attachment>(`/requests/${requestId}/attachments`, form, setProgress);
    },
    onSuccess: async () => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['request', requestId, 'attachments'] });
    },
    onSettled: () => setProgress(null),
  });

  return (
    <Fieldset legend={t('newRequest.attachments.title')}>
      <Stack>
        <AttachmentList attachments={attachments.data?.items ?? []} />
        <Group align="flex-end">
          <FileInput
            label={t('newRequest.attachments.file')}
            value={file}
            onChange={setFile}
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.docx,.odt"
            clearable
            w={380}
          />
          <Select
            label={t('handling.label')}
            data={[...HANDLING_CODES.filter((code) => code !== 'H3')]}
            value={handlingCode}
            onChange={(code) => setHandlingCode(code ?? 'H0')}
            allowDeselect={false}
            w={110}
          />
          <Checkbox
            label={t('newRequest.attachments.translationAttached')}
            checked={translationAttached}
            onChange={(event) => setTranslationAttached(event.currentTarget.checked)}
            mb={8}
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('newRequest.attachments.upload')}
          </Button>
        </Group>
        {progress !== null && file && (
          <Stack gap={4}>
            <Text size="sm" id="upload-progress-label">
              {t('newRequest.attachments.progress', { name: file.name, percent: Math.round(progress * 100) })}
            </Text>
            <Progress value={progress * 100} aria-labelledby="upload-progress-label" />
          </Stack>
        )}
        {upload.data && (
          <Text size="sm" role="status">
            {t('newRequest.attachments.uploaded', { name: upload.data.fileName, size: formatBytes(upload.data.size) })}
          </Text>
        )}
        <ProblemAlert error={upload.error} />
      </Stack>
    </Fieldset>
  );
}
