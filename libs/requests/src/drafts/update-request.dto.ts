import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { HANDLING_CODES, URGENCIES, type HandlingCode, type Urgency } from '@liaison/domain';
import { IsLanguageCode } from '../shared/is-language-code';
import { LEGAL_BASIS_IDS, TITLE_DESCRIPTION } from './create-request.dto';
import { RequestContentDto } from './request-content.dto';

/**
 * `PATCH /v1/requests/:id` on a draft: only the fields sent change. `content` is merged field by field
 * (a field sent as null is removed); `suggestedDeadline: null` clears the deadline.
 */
export class UpdateRequestDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  requestedAgencyId?: string;

  @ApiPropertyOptional({ enum: LEGAL_BASIS_IDS })
  @IsOptional()
  @IsIn(LEGAL_BASIS_IDS)
  legalBasis?: string;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional({ enum: HANDLING_CODES })
  @IsOptional()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  handlingRestriction?: string;

  @ApiPropertyOptional({ description: TITLE_DESCRIPTION, maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  title?: string;

  @ApiPropertyOptional({ type: RequestContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequestContentDto)
  content?: RequestContentDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  suggestedDeadline?: string | null;
}
