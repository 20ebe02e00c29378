import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ASSISTANCE_TYPES, CONSENT_STATUSES, type AssistanceType, type ConsentStatus } from '@liaison/domain';

const SHORT = 300;
const MEDIUM = 5_000;
const LONG = 20_000;

export class PendingProceedingsDto {
  @ApiPropertyOptional()
  @IsBoolean()
  exist!: boolean;

  @ApiPropertyOptional({ maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  details?: string;
}

/**
 * What a request says (UNTOC Art. 18(15) and the kinds' additions). Facts that come from the linked persons
 * (that there are some, whether the victim is a child, their nationality) are not accepted here: they are read
 * from the persons, so that content cannot contradict them. These texts are encrypted at rest under the request's
 * data key and destroyed with it by a purge; they leave the search index (only titles and references are searched).
 */
export class RequestContentDto {
  @ApiPropertyOptional({ description: '(a) The authority making the request.', maxLength: SHORT })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT)
  requestingAuthority?: string;

  @ApiPropertyOptional({ description: '(b) Subject matter of the proceedings.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  subjectMatter?: string;

  @ApiPropertyOptional({ description: '(b) Nature of the proceedings.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  proceedingsNature?: string;

  @ApiPropertyOptional({ description: '(b) The authority conducting them.', maxLength: SHORT })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT)
  conductingAuthority?: string;

  @ApiPropertyOptional({ description: '(c) Summary of the relevant facts.', maxLength: LONG })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  summaryOfFacts?: string;

  @ApiPropertyOptional({ description: '(d) The assistance sought and any procedure to follow.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  assistanceSought?: string;

  @ApiPropertyOptional({ enum: ASSISTANCE_TYPES, isArray: true, description: 'UNTOC Art. 18(3)' })
  @IsOptional()
  @ArrayMaxSize(ASSISTANCE_TYPES.length)
  @ArrayUnique()
  @IsIn(ASSISTANCE_TYPES, { each: true, message: `each assistance type must be one of ${ASSISTANCE_TYPES.join(', ')}` })
  assistanceTypes?: AssistanceType[];

  @ApiPropertyOptional({ description: '(e) Why no person can be identified yet.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  personsNotIdentifiedReason?: string;

  @ApiPropertyOptional({ description: '(f) The purpose of the request.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  purpose?: string;

  @ApiPropertyOptional({ description: 'Extradition: the warrant or judgment.', maxLength: SHORT })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT)
  warrantOrJudgmentReference?: string;

  @ApiPropertyOptional({ description: "Extradition: the offence's legal text.", maxLength: LONG })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  offenceLegalText?: string;

  @ApiPropertyOptional({ description: 'Extradition: the penalty.', maxLength: MEDIUM })
  @IsOptional()
  @IsString()
  @MaxLength(MEDIUM)
  penalty?: string;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES, description: 'Repatriation: consent to return.' })
  @IsOptional()
  @IsIn(CONSENT_STATUSES)
  consentStatus?: ConsentStatus;

  @ApiPropertyOptional({ description: "Repatriation: the victim's stated wish to return." })
  @IsOptional()
  @IsBoolean()
  victimWishesToReturn?: boolean;

  @ApiPropertyOptional({ type: PendingProceedingsDto, description: 'Repatriation: proceedings that need the victim.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PendingProceedingsDto)
  pendingProceedings?: PendingProceedingsDto;
}
