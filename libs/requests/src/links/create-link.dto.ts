import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { REQUEST_LINK_RELATIONS } from '@liaison/data';

export class CreateLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  linkedRequestId!: string;

  @ApiProperty({ enum: REQUEST_LINK_RELATIONS, description: 'This request `relation` the linked one (e.g. supports).' })
  @IsIn(REQUEST_LINK_RELATIONS)
  relation!: (typeof REQUEST_LINK_RELATIONS)[number];
}
