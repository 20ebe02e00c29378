import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HANDLING_CODES, REQUEST_KINDS, SIDES, type HandlingCode, type RequestKind, type Side } from '@liaison/domain';

export class BoardPartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'NP' }) country!: string;
}

export class BoardPartiesView {
  @ApiProperty({ type: BoardPartyView }) requesting!: BoardPartyView;
  @ApiProperty({ type: BoardPartyView }) requested!: BoardPartyView;
}

/** One linked request on the board. */
export class BoardCardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ example: 'in_execution' }) state!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: HANDLING_CODES }) handlingCode!: HandlingCode;
  @ApiProperty({
    enum: SIDES,
    nullable: true,
    description: 'The viewer’s agency’s side; null for a third agency.',
  })
  viewerSide!: Side | null;
  @ApiProperty({
    type: BoardPartyView,
    nullable: true,
    description: 'The other party; null for a third agency.',
  })
  counterpart!: BoardPartyView | null;
  @ApiPropertyOptional({ type: BoardPartiesView, description: 'Both parties, shown to viewers of a third agency.' })
  parties?: BoardPartiesView;
  @ApiProperty({ description: 'Whole days since the request was created.' }) ageDays!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ description: 'Marked overdue, or a running clock is past its due time.' }) overdue!: boolean;
  @ApiProperty({ description: 'A legal clock runs: "on time" means something.' }) clockRunning!: boolean;
}

/** A state's column: exact counts, and one page of its cards. */
export class BoardColumnView {
  @ApiProperty({ example: 'in_execution' }) state!: string;
  @ApiProperty({ description: 'Requests in the column (all of them, not just this page).' }) count!: number;
  @ApiProperty({ description: 'Overdue requests in the column (all of them).' }) overdue!: number;
  @ApiProperty({ type: [BoardCardView], description: 'At most perColumn cards, most recent activity first.' })
  cards!: BoardCardView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'More cards follow: pass it as `after`, with this column’s `state`; null on the last page.',
  })
  nextCursor!: string | null;
}

/**
 * The task force's linked requests, one column per state (workflow order; only states that hold a request); with
 * `state` in the query, that column only (even when empty). The totals always cover the whole board.
 */
export class BoardView {
  @ApiProperty({ format: 'uuid' }) taskForceId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agencyId!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [BoardColumnView] }) columns!: BoardColumnView[];
}
