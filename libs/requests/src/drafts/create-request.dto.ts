import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import {
  HANDLING_CODES,
  LEGAL_BASES,
  REQUEST_KINDS,
  URGENCIES,
  type HandlingCode,
  type RequestKind,
  type Urgency,
} from '@liaison/domain';
import { RequestContentDto } from './request-content.dto';
import { IsLanguageCode } from '../shared/is-language-code';

export const LEGAL_BASIS_IDS = LEGAL_BASES.map((basis) => basis.id);

/** Said wherever a title is written: it is the one free text kept in clear. */
export const TITLE_DESCRIPTION =
  'One line for lists and search, stored, indexed and searched in clear: a title must not carry personal data (no names, places of persons, document numbers). Put those in the content, notes or persons, which are encrypted.';
/** `POST /v1/requests`: a new draft of the caller's agency. */
export class CreateRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @ApiProperty({ format: 'uuid', description: 'The agency asked (for a repatriation: the origin agency).' })
  @IsUUID()
  requestedAgencyId!: string;

  @ApiProperty({ enum: LEGAL_BASIS_IDS, description: 'A legal basis that applies to this kind.' })
  @IsIn(LEGAL_BASIS_IDS)
  legalBasis!: string;

  @ApiPropertyOptional({ enum: URGENCIES, default: 'normal' })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ description: 'ISO 639 code of the language the request is written in.', default: 'en' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional({ enum: HANDLING_CODES, default: 'H0' })
  @IsOptional()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @ApiPropertyOptional({ description: 'Required with H3: the restriction in words.', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  handlingRestriction?: string;

  @ApiProperty({
    description: TITLE_DESCRIPTION,
    maxLength: 300,
  })
  @IsString()
  @Length(3, 300)
  title!: string;

  @ApiPropertyOptional({ type: RequestContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequestContentDto)
  content?: RequestContentDto;

  @ApiPropertyOptional({ description: 'ISO 8601: when the assistance is needed by (UNTOC Art. 18(24)).' })
  @IsOptional()
  @IsDateString({ strict: true })
  suggestedDeadline?: string;
}
