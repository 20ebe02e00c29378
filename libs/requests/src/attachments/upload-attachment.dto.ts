import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HANDLING_CODES, type HandlingCode } from '@liaison/domain';
import { IsLanguageCode } from '../shared/is-language-code';

/** The form fields sent with the file (multipart: every value arrives as text). */
export class UploadAttachmentDto {
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

  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'translationAttached must be true or false' })
  translationAttached?: boolean;
}
