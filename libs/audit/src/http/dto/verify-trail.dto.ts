import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';

/** `POST /v1/audit/verify`: checkpoints `fromCheckpoint..toCheckpoint` (default: all) and the entries they cover
 * (with no `toCheckpoint`, also the entries after the last checkpoint); optionally one stream only. */
export class VerifyTrailDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromCheckpoint?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  toCheckpoint?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stream?: string;
}
