import { ApiProperty } from '@nestjs/swagger';
import type { RequestHistory } from '@liaison/data';

/** One accepted event in a request's timeline. */
export class HistoryEntryView {
  @ApiProperty({ description: "The request's version after the event." }) version!: number;
  @ApiProperty({ example: 'approve' }) event!: string;
  @ApiProperty({ example: 'under_review' }) from!: string;
  @ApiProperty({ example: 'transmitted' }) to!: string;
  @ApiProperty({ format: 'uuid' }) actorUserId!: string;
  @ApiProperty({ format: 'uuid' }) actorAgencyId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The event's payload; null once the request's personal data was purged (`purged`).",
  })
  payload!: Record<string, unknown> | null;
  @ApiProperty({ description: "The request's personal data was purged: the payload is gone for good." })
  purged!: boolean;
  @ApiProperty() occurredAt!: string;

  /** `payload` as the request's vault opened it (null once purged). */
  static from(entry: RequestHistory, payload: Record<string, unknown> | null): HistoryEntryView {
    return {
      version: entry.version,
      event: entry.event,
      from: entry.fromState,
      to: entry.toState,
      actorUserId: entry.actor.id,
      actorAgencyId: entry.actorAgency.id,
      payload,
      purged: payload === null,
      occurredAt: entry.occurredAt.toISOString(),
    };
  }
}

export class HistoryView {
  @ApiProperty({ type: [HistoryEntryView], description: 'Oldest first.' }) items!: HistoryEntryView[];
}
