import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { HANDLING_CODES, type HandlingCode } from '@liaison/domain';
import { IsLanguageCode } from '../shared/is-language-code';

export class CreateNoteDto {
  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @Length(1, 20_000)
  text!: string;

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
