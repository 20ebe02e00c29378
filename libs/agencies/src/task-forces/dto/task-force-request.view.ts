import { ApiProperty } from '@nestjs/swagger';
import { HANDLING_CODES, type HandlingCode } from '@liaison/domain';

/** The answer to linking a request to a task force. */
export class TaskForceRequestView {
  @ApiProperty({ format: 'uuid' }) taskForceId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty({ enum: HANDLING_CODES }) handlingCode!: HandlingCode;
  @ApiProperty({
    enum: ['not_needed', 'confirmed'],
    description: 'Whether the handling code needed the provider’s permission, confirmed by the caller.',
  })
  handlingPermission!: 'not_needed' | 'confirmed';
  @ApiProperty() linkedAt!: string;
}
