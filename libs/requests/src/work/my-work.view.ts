import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_KINDS, ROLES, SIDES, type RequestKind, type Role, type Side } from '@liaison/domain';
import { PartyView } from '../view/request.view';

/** What one of the caller's roles is expected to do on the request. */
export class ExpectedStepView {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String], example: ['approve', 'return_for_amendment'], description: 'Ways forward first.' })
  events!: string[];
}

/** A request waiting on the caller (or the caller's role in their agency), as a line of the worklist. */
export class WorkItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ example: 'under_review' }) state!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SIDES, description: 'The side of the caller’s agency.' }) relation!: Side;
  @ApiProperty({ type: PartyView, description: 'The other agency.' }) counterpart!: PartyView;
  @ApiProperty({ enum: ['normal', 'urgent'] }) urgency!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [ExpectedStepView] }) expected!: ExpectedStepView[];
  @ApiProperty({ type: String, nullable: true, description: 'When the earliest running deadline falls due.' })
  dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'decide', description: 'That deadline’s timer.' })
  dueTimer!: string | null;
  @ApiProperty() lastActivityAt!: string;
}

export class MyWorkView {
  @ApiProperty({ type: [WorkItemView], description: 'Overdue first, then by deadline, urgency and waiting time.' })
  items!: WorkItemView[];
  @ApiProperty({ description: 'More requests wait than the limit allowed.' }) more!: boolean;
}
