import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class AddMemberDto {
  @ApiProperty({ format: 'uuid', description: 'A user of any agency.' })
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({ default: false, description: 'Users of NGOs are always read-only members.' })
  @IsOptional()
  @IsBoolean()
  readOnly?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'The providers of linked H2/H3 requests agreed that this member’s agency may see them (needed when it is ' +
      'a party to none of them); only the providing agency gives it, so 403 for requests the lead agency did not ' +
      'provide. Recorded in the trail.',
  })
  @IsOptional()
  @IsBoolean()
  handlingPermissionConfirmed?: boolean;
}
