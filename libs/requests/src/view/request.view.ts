import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Request } from '@liaison/data';
import {
  HANDLING_CODES,
  REQUEST_KINDS,
  URGENCIES,
  type RequestContent,
  type RequestKind,
  type RequestRelation,
} from '@liaison/domain';
import { RequestContentDto } from '../drafts/request-content.dto';

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'NP' }) country!: string;
}

export class TimerView {
  @ApiProperty({ example: 'acknowledge' }) name!: string;
  @ApiProperty({ enum: ['running', 'paused'] }) status!: 'running' | 'paused';
  @ApiPropertyOptional({ description: 'When it falls due (running clocks).' }) dueAt?: string;
  @ApiProperty({ description: 'Milliseconds left; negative once overdue.' }) remainingMs!: number;
}

/** A request as the API shows it to someone allowed to see it. */
export class RequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ example: 'transmitted' }) state!: string;
  @ApiProperty({ description: 'Incremented by every accepted event; the ETag.' }) version!: number;
  @ApiProperty({ type: PartyView }) requestingAgency!: PartyView;
  @ApiProperty({ type: PartyView }) requestedAgency!: PartyView;
  @ApiProperty({ example: 'eio-2014-41' }) legalBasis!: string;
  @ApiProperty({ enum: URGENCIES }) urgency!: string;
  @ApiProperty({ example: 'en' }) language!: string;
  @ApiProperty({ enum: HANDLING_CODES }) handlingCode!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlingRestriction?: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({
    type: RequestContentDto,
    description: 'As stated by the requesting side; empty once its personal data was purged (`personalDataPurged`).',
  })
  content!: RequestContent;
  @ApiProperty({
    description:
      "The request's data key was destroyed (purge or retention): its content, notes' texts, history payloads and attachments are gone for good.",
  })
  personalDataPurged!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suggestedDeadline!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [TimerView] }) timers!: TimerView[];
  @ApiProperty({ enum: ['requesting', 'requested', 'task_force'], description: 'How the caller stands to it.' })
  relation!: RequestRelation;
  @ApiProperty({ type: [String], description: 'Events the caller may send now (POST …/transitions).' })
  allowedEvents!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiPropertyOptional({
    description: 'A victim of the request is a child (a fact of its persons, no identity): handle as such.',
  })
  childVictim?: boolean;
}

/** What a view shows of a request: its columns and, of each agency, the name and country. */
export type PresentableRequest = Pick<
  Request,
  | 'id'
  | 'reference'
  | 'kind'
  | 'state'
  | 'version'
  | 'legalBasis'
  | 'urgency'
  | 'language'
  | 'handlingCode'
  | 'handlingRestriction'
  | 'title'
  | 'content'
  | 'personalDataPurgedAt'
  | 'suggestedDeadline'
  | 'overdue'
  | 'timers'
  | 'createdAt'
  | 'updatedAt'
  | 'lastActivityAt'
> & { requestingAgency: Party; requestedAgency: Party };

interface Party {
  id: string;
  name: string;
  country: string;
}

/** The agencies must be loaded. */
export function toRequestView(
  request: PresentableRequest,
  relation: RequestRelation,
  allowedEvents: string[],
  now: Date = new Date(),
): RequestView {
  return {
    id: request.id,
    reference: request.reference,
    kind: request.kind,
    state: request.state,
    version: request.version,
    requestingAgency: party(request.requestingAgency),
    requestedAgency: party(request.requestedAgency),
    legalBasis: request.legalBasis,
    urgency: request.urgency,
    language: request.language,
    handlingCode: request.handlingCode,
    handlingRestriction: request.handlingRestriction,
    title: request.title,
    content: request.content,
    personalDataPurged: request.personalDataPurgedAt != null,
    suggestedDeadline: request.suggestedDeadline?.toISOString() ?? null,
    overdue: request.overdue,
    timers: request.timers.map((timer) =>
      timer.status === 'running'
        ? {
            name: timer.name,
            status: timer.status,
            dueAt: timer.dueAt,
            remainingMs: Date.parse(timer.dueAt) - now.getTime(),
          }
        : { name: timer.name, status: timer.status, remainingMs: timer.remainingMs },
    ),
    relation,
    allowedEvents,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    lastActivityAt: request.lastActivityAt.toISOString(),
  };
}

function party(agency: Party): PartyView {
  return { id: agency.id, name: agency.name, country: agency.country };
}
