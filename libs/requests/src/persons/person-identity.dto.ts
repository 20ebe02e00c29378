import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class IdentityDocumentDto {
  @ApiProperty({ example: 'passport', maxLength: 50 })
  @IsString()
  @Length(1, 50)
  type!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Length(1, 100)
  number!: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2()
  issuingCountry?: string;
}

/** Identifying fields: stored through the person-identity store only, shown in clear only to the two agencies. */
export class PersonIdentityDto {
  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  names?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ description: 'YYYY, YYYY-MM or YYYY-MM-DD', example: '1998-04-12' })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'dateOfBirth must be YYYY, YYYY-MM or YYYY-MM-DD',
  })
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: [IdentityDocumentDto], maxItems: 10 })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documentNumbers?: IdentityDocumentDto[];

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  addresses?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  contactDetails?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Attachment ids or external references.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  photographRefs?: string[];
}
