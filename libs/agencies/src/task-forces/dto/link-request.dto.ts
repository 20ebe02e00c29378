import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class LinkRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  requestId!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'For an H2/H3 request and a task force with members of other agencies than its two parties: the provider ' +
      'permits the onward sharing. Only a SUPERVISOR of the providing (requesting) agency gives it (403 otherwise). ' +
      'Recorded in the trail.',
  })
  @IsOptional()
  @IsBoolean()
  handlingPermissionConfirmed?: boolean;
}
