import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HANDLING_CODES, type HandlingCode } from '@liaison/domain';
import { IsLanguageCode } from './is-language-code';

/** What every note and attachment states about itself: its handling code (docs/domain.md) and its language. */
export class HandledContentDto {
  @ApiPropertyOptional({ enum: HANDLING_CODES, default: 'H0' })
  @IsOptional()
  @IsIn(HANDLING_CODES)
  handlingCode?: HandlingCode;

  @ApiPropertyOptional({ description: 'Required with H3.', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  handlingRestriction?: string;

  @ApiPropertyOptional({ default: 'en' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;
}
