import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class BrokenLinkDto {
  @ApiProperty({
    enum: ['hash', 'link', 'gap'],
    description:
      'hash: the entry does not match its hash (altered); link: it does not point at the previous entry of its stream; gap: the previous entry is missing',
  })
  problem!: 'hash' | 'link' | 'gap';
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty() seq!: number;
}

export class BadCheckpointDto {
  @ApiProperty({ enum: ['root', 'size', 'signature', 'link', 'missing'] })
  problem!: 'root' | 'size' | 'signature' | 'link' | 'missing';
  @ApiProperty() seq!: number;
  @ApiProperty() detail!: string;
}

export class VerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() entriesChecked!: number;
  @ApiProperty() checkpointsChecked!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true, description: 'the first, in the trail order (txid, id)' })
  firstBrokenLink!: BrokenLinkDto | null;
  @ApiProperty({ type: BadCheckpointDto, nullable: true })
  firstBadCheckpoint!: BadCheckpointDto | null;
}
