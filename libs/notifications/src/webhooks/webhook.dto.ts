import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { EVENT_FILTER_PATTERN } from './webhook-event-filter';

const EVENTS_MESSAGE =
  'each event must be *, request.*, request.<event>, deadline.*, deadline.overdue or deadline.reminder';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://case-system.police.example/liaison/webhooks' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ example: ['request.*', 'deadline.overdue'], default: ['*'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EVENT_FILTER_PATTERN, { each: true, message: EVENTS_MESSAGE })
  events?: string[];

  @ApiPropertyOptional({ example: 'Case management system, production' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  description?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: ['request.*'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EVENT_FILTER_PATTERN, { each: true, message: EVENTS_MESSAGE })
  events?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  description?: string;

  @ApiPropertyOptional({ description: 'Paused endpoints receive nothing; their pending deliveries are cancelled.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
