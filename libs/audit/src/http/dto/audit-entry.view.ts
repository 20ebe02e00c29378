import { ApiProperty } from '@nestjs/swagger';
import { hashedFields, type AuditRow } from '../../audit-rows';

/** One entry of the trail: references, states and hashes, never personal data values. */
export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'request:0190a0c4-…' }) stream!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorAgencyId!: string | null;
  @ApiProperty({ example: 'request.transition' }) action!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) clientRequestId!: string | null;
  @ApiProperty({ description: 'hash of the previous entry of the stream (64 zeros for the first)' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256(prevHash ‖ RFC 8785 canonical JSON of the entry), hex' }) hash!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the checkpoint that covers it; null until one does' })
  checkpoint!: number | null;

  static from(row: AuditRow & { checkpoint?: number | null }): AuditEntryView {
    return Object.assign(new AuditEntryView(), {
      ...hashedFields(row),
      prevHash: row.prevHash,
      hash: row.hash,
      checkpoint: row.checkpoint ?? null,
    });
  }
}
