import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { AGENCY_TYPES, type AgencyType } from '@liaison/domain';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Central Investigation Bureau' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, upper case', example: 'NP' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NP' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be upper case' })
  country!: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type!: AgencyType;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  centralAuthority?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'ISO 639-1 codes', default: ['en'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'acceptedLanguages must be ISO 639-1 codes such as en' })
  acceptedLanguages?: string[];
}
