import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class TransitionDto {
  @ApiProperty({
    example: 'approve',
    description: 'An event of the request kind’s workflow (GET /v1/workflows/:kind).',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z_]*$/, { message: 'event must be a workflow event name such as approve' })
  event!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      grounds: ['essential_interests'],
      reasons: 'Execution would prejudice an ongoing national security case.',
    },
    description: 'The fields the event requires (see requiredPayload in GET /v1/workflows/:kind).',
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}
