import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_KINDS, type RequestKind } from '@liaison/domain';
import { PartyView } from '../view/request.view';
import type { SearchRow } from './search.sql';

/** A request as a line of a list: no content, no persons. */
export class RequestSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty() state!: string;
  @ApiProperty({ description: 'In clear, as filed: titles carry no personal data.' }) title!: string;
  @ApiProperty({ type: PartyView }) requestingAgency!: PartyView;
  @ApiProperty({ type: PartyView }) requestedAgency!: PartyView;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() urgency!: string;
  @ApiProperty() handlingCode!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When the earliest running deadline falls due.' })
  nextDueAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['requesting', 'requested', 'task_force'] }) relation!: SearchRow['relation'];
  @ApiProperty() createdAt!: string;
  @ApiProperty() lastActivityAt!: string;
}

export class RequestSummaryPageView {
  @ApiProperty({ type: [RequestSummaryView] }) items!: RequestSummaryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page.' })
  nextCursor!: string | null;
}

export function toRequestSummary(row: SearchRow): RequestSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    title: row.title,
    requestingAgency: {
      id: row.requesting_agency_id,
      name: row.requesting_agency_name,
      country: row.requesting_agency_country,
    },
    requestedAgency: {
      id: row.requested_agency_id,
      name: row.requested_agency_name,
      country: row.requested_agency_country,
    },
    legalBasis: row.legal_basis,
    urgency: row.urgency,
    handlingCode: row.handling_code,
    overdue: row.overdue,
    nextDueAt: row.next_due_at ? new Date(row.next_due_at).toISOString() : null,
    version: row.version,
    relation: row.relation,
    createdAt: new Date(row.created_at).toISOString(),
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
  };
}
