import type { ReactNode } from 'react';
import { Alert, Button, Card, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/http';
import { formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { t, tOr } from '../../i18n/t';
import { downloadExport, useLatestCheckpoint, type Checkpoint, type Verification } from './audit-api';

/** "Verify": the server recomputes the chains, roots and signatures; the latest signed checkpoint; the export. */
export function VerifyPanel() {
  const checkpoint = useLatestCheckpoint();
  const verify = useMutation({
    mutationFn: async () => (await api.post<Verification>('/audit/verify', {})).data,
    onSuccess: () => void checkpoint.refetch(),
  });
  const exporting = useMutation({ mutationFn: downloadExport });

  return (
    <Card withBorder component="section" aria-labelledby="audit-verify-title">
      <Stack>
        <Title order={2} size="h3" id="audit-verify-title">
          {t('audit.verifyTitle')}
        </Title>
        <Text size="sm">{t('audit.verifyIntro')}</Text>
        <Group>
          <Button
            leftSection={<IconShieldCheck size={18} aria-hidden />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
          >
            {t('audit.verify')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            onClick={() => exporting.mutate()}
            loading={exporting.isPending}
          >
            {t('audit.export')}
          </Button>
        </Group>
        <Text size="xs" c="gray.8">
          {t('audit.exportHint')}
        </Text>
        <ProblemAlert error={verify.error ?? exporting.error} />
        <div aria-live="polite">{verify.data && <VerificationResult result={verify.data} />}</div>
        <Title order={3} size="h4">
          {t('audit.checkpointTitle')}
        </Title>
        {checkpoint.isPending ? (
          <Loader size="sm" role="status" aria-label={t('app.loading')} />
        ) : checkpoint.error ? (
          <ProblemAlert error={checkpoint.error} />
        ) : checkpoint.data ? (
          <CheckpointTable checkpoint={checkpoint.data} />
        ) : (
          <Text>{t('audit.noCheckpoint')}</Text>
        )}
      </Stack>
    </Card>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  if (result.ok) {
    return (
      <Alert color="green" variant="light" role="status" data-testid="verification-result" data-ok="true">
        {t('audit.verified', { entries: result.entriesChecked, checkpoints: result.checkpointsChecked })}
      </Alert>
    );
  }
  const link = result.firstBrokenLink;
  const bad = result.firstBadCheckpoint;
  return (
    <Alert color="red" role="alert" title={t('audit.notVerified')} data-testid="verification-result" data-ok="false">
      {link && (
        <Text size="sm">
          {t('audit.brokenLink', {
            entry: link.entryId,
            stream: link.stream,
            seq: link.seq,
            problem: tOr(`audit.problems.${link.problem}`, link.problem),
          })}
        </Text>
      )}
      {bad && (
        <Text size="sm">{t('audit.badCheckpoint', { seq: bad.seq, problem: bad.problem, detail: bad.detail })}</Text>
      )}
    </Alert>
  );
}

function CheckpointTable({ checkpoint }: { checkpoint: Checkpoint }) {
  const rows: [string, ReactNode][] = [
    [t('audit.checkpoint.seq'), checkpoint.seq],
    [t('audit.checkpoint.createdAt'), formatDateTime(checkpoint.createdAt)],
    [t('audit.checkpoint.treeSize'), checkpoint.treeSize],
    [t('audit.checkpoint.rootHash'), <Code key="root">{checkpoint.rootHash}</Code>],
    [t('audit.checkpoint.keyId'), <Code key="key">{checkpoint.keyId}</Code>],
    [
      t('audit.checkpoint.signature'),
      <Code key="signature" style={{ wordBreak: 'break-all' }}>
        {checkpoint.signature}
      </Code>,
    ],
  ];
  return (
    <Table data-testid="latest-checkpoint" variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
