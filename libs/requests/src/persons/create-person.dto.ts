import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class CreatePersonDto {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  role!: PersonRole;

  @ApiPropertyOptional({ enum: GENDERS, default: 'unknown' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ description: 'Stated nationality, ISO 3166-1 alpha-2', example: 'NP' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'nationality must be an ISO 3166-1 alpha-2 code such as NP' })
  nationality?: string;

  @ApiPropertyOptional({ description: 'Under 18; leave out when unknown (then presumed a child).' })
  @IsOptional()
  @IsBoolean()
  minor?: boolean;

  @ApiPropertyOptional({ enum: HANDLING_CODES, default: 'H0' })
  @IsOptional()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @ApiPropertyOptional({ type: PersonIdentityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonIdentityDto)
  identity?: PersonIdentityDto;
}
