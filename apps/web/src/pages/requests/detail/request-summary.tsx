import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  ASSISTANCE_TYPE_WORDING,
  HANDLING_CODE_MEANINGS,
  findLegalBasis,
  isHandlingCode,
  type AssistanceType,
} from '@liaison/domain';
import type { ReactNode } from 'react';
import type { RequestView } from '../../../api/types';
import { formatDate, formatDateTime, kindLabel, languageName } from '../../../components/labels';
import { t, tOr } from '../../../i18n/t';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.8" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** The request's particulars and its two parties. */
export function RequestSummary({ request }: { request: RequestView }) {
  const basis = findLegalBasis(request.legalBasis);
  const handling = isHandlingCode(request.handlingCode) ? HANDLING_CODE_MEANINGS[request.handlingCode] : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="summary-title">
      <Title order={2} size="h4" id="summary-title" mb="sm">
        {t('detail.summary')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} component="dl" m={0}>
        <Item label={t('detail.requesting')}>
          {request.requestingAgency.name} ({request.requestingAgency.country})
        </Item>
        <Item label={t('detail.requested')}>
          {request.requestedAgency.name} ({request.requestedAgency.country})
        </Item>
        <Item label={t('detail.legalBasis')}>{basis?.name ?? request.legalBasis}</Item>
        <Item label={t('requests.table.kind')}>{kindLabel(request.kind)}</Item>
        <Item label={t('detail.urgency')}>
          {request.urgency === 'urgent' ? (
            <Badge color="#9c3d0a" variant="outline">
              {t('requests.urgent')}
            </Badge>
          ) : (
            t('newRequest.urgencies.normal')
          )}
        </Item>
        <Item label={t('detail.language')}>{languageName(request.language)}</Item>
        <Item label={t('detail.handling')}>
          {request.handlingCode}: {request.handlingRestriction ?? handling}
        </Item>
        <Item label={t('detail.created')}>{formatDateTime(request.createdAt)}</Item>
        {request.suggestedDeadline && (
          <Item label={t('detail.suggestedDeadline')}>{formatDate(request.suggestedDeadline)}</Item>
        )}
      </SimpleGrid>
      <Group mt="sm">
        <Text size="sm" c="gray.8">
          {t(`detail.relation.${request.relation}`)}
        </Text>
      </Group>
    </Paper>
  );
}

const CONTENT_LABELS: Record<string, string> = {
  requestingAuthority: t('newRequest.fields.requestingAuthority'),
  subjectMatter: t('newRequest.fields.subjectMatter'),
  proceedingsNature: t('newRequest.fields.proceedingsNature'),
  conductingAuthority: t('newRequest.fields.conductingAuthority'),
  summaryOfFacts: t('newRequest.fields.summaryOfFacts'),
  assistanceSought: t('newRequest.fields.assistanceSought'),
  assistanceTypes: t('newRequest.assistanceTypes'),
  personsNotIdentifiedReason: t('newRequest.fields.personsNotIdentifiedReason'),
  purpose: t('newRequest.fields.purpose'),
  warrantOrJudgmentReference: t('newRequest.fields.warrantOrJudgmentReference'),
  offenceLegalText: t('newRequest.fields.offenceLegalText'),
  penalty: t('newRequest.fields.penalty'),
  consentStatus: t('newRequest.consentStatus'),
  victimWishesToReturn: t('newRequest.wishesToReturn'),
  pendingProceedings: t('newRequest.pendingProceedingsExist'),
};

/** A content value in words: the wording of assistance types and statuses, never their codes. */
function show(name: string, value: unknown): string {
  if (name === 'assistanceTypes' && Array.isArray(value)) {
    return value.map((type) => ASSISTANCE_TYPE_WORDING[type as AssistanceType] ?? String(type)).join('; ');
  }
  if (name === 'consentStatus') return tOr(`newRequest.consentStatuses.${String(value)}`, String(value));
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (value && typeof value === 'object') {
    const { exist, details } = value as { exist?: boolean; details?: string };
    return [show('', exist === true), details].filter(Boolean).join(': ');
  }
  return String(value);
}

/**
 * What the request states, in the order of UNTOC Art. 18(15) (a) to (f) with its labels, then the kind's own
 * additions (encrypted at rest; persons are apart), or that it was purged.
 */
export function RequestContentView({ request }: { request: RequestView }) {
  const content = request.content as Record<string, unknown>;
  const entries = Object.keys(CONTENT_LABELS)
    .map((name): [string, unknown] => [name, content[name]])
    .filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="content-title">
      <Title order={2} size="h4" id="content-title" mb="sm">
        {t('detail.content')}
      </Title>
      {request.personalDataPurged && (
        <Text size="sm" fs="italic" mb="xs">
          {t('detail.personalDataPurged')}
        </Text>
      )}
      <Stack gap="xs" component="dl" m={0}>
        {entries.map(([name, value]) => (
          <Item key={name} label={CONTENT_LABELS[name]}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{show(name, value)}</span>
          </Item>
        ))}
      </Stack>
    </Paper>
  );
}
