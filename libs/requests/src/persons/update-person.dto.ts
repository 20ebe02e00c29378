import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO31661Alpha2, IsOptional, ValidateNested } from 'class-validator';
import {
  GENDERS,
  HANDLING_CODES,
  PERSON_ROLES,
  type Gender,
  type HandlingCode,
  type PersonRole,
} from '@liaison/domain';
import { PersonIdentityDto } from './person-identity.dto';

/** Only the fields sent change; `identity`, when sent, replaces the whole identity. `minor: null`: unknown. */
export class UpdatePersonDto {
  @ApiPropertyOptional({ enum: PERSON_ROLES })
  @IsOptional()
  @IsIn(PERSON_ROLES)
  role?: PersonRole;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'nationality must be an ISO 3166-1 alpha-2 code such as NP' })
  nationality?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  minor?: boolean | null;

  @ApiPropertyOptional({ enum: HANDLING_CODES })
  @IsOptional()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @ApiPropertyOptional({ type: PersonIdentityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonIdentityDto)
  identity?: PersonIdentityDto;
}
