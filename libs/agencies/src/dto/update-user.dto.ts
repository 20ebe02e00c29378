import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@liaison/domain';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description: 'Added SUPERVISOR and AUDITOR roles wait for a second administrator (GET /v1/role-grants).',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description:
      'Platform admins only: true proposes the platform-admin flag (another platform admin confirms it), false removes it.',
  })
  @IsOptional()
  @IsBoolean()
  platformAdmin?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as en' })
  language?: string;
}
