import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { HandledContentDto } from '../shared/handled-content.dto';

/** The form fields sent with the file (multipart: every value arrives as text). */
export class UploadAttachmentDto extends HandledContentDto {
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'translationAttached must be true or false' })
  translationAttached?: boolean;
}
