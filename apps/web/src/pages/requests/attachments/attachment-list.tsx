import { Anchor, Table, Text } from '@mantine/core';
import type { Attachment } from '../../../api/types';
import { downloadFile } from '../../../api/download';
import { formatBytes, formatDateTime } from '../../../components/labels';
import { t } from '../../../i18n/t';

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return <Text size="sm">{t('newRequest.attachments.none')}</Text>;
  return (
    <Table aria-label={t('detail.attachments')} verticalSpacing={4}>
      <Table.Tbody>
        {attachments.map((attachment) => (
          <Table.Tr key={attachment.id}>
            <Table.Td>
              <Anchor
                component="button"
                type="button"
                onClick={() =>
                  void downloadFile(
                    `/requests/${attachment.requestId}/attachments/${attachment.id}/content`,
                    attachment.fileName,
                  )
                }
                aria-label={t('detail.download', { name: attachment.fileName })}
              >
                {attachment.fileName}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatBytes(attachment.size)}</Table.Td>
            <Table.Td>{attachment.handlingCode}</Table.Td>
            <Table.Td>{attachment.language}</Table.Td>
            <Table.Td>{formatDateTime(attachment.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
