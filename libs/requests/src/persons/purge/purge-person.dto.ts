import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PURGE_GROUNDS, type PurgeGround } from './purge-ground';

export class PurgePersonDto {
  @ApiProperty({ enum: PURGE_GROUNDS, description: 'Recorded in the audit trail as it is.' })
  @IsIn(PURGE_GROUNDS)
  ground!: PurgeGround;

  @ApiProperty({
    minLength: 3,
    maxLength: 2000,
    description: 'Why, in words. The audit trail keeps only its SHA-256: keep a copy in the case file.',
  })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
