import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TYPES, ROLES, type AgencyType, type Role } from '@liaison/domain';

export class MyAgencyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'NP' }) country!: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type!: AgencyType;
  @ApiProperty() centralAuthority!: boolean;
}

export class MeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() platformAdmin!: boolean;
  @ApiProperty() language!: string;
  @ApiProperty({ type: MyAgencyView }) agency!: MyAgencyView;
}
