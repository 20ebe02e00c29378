import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '@liaison/domain';
import type { Agency } from '@liaison/data';

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Central Bureau of Investigation' }) name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'IN' }) country!: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type!: AgencyType;
  @ApiProperty({ description: 'Designated central authority (UNTOC Art. 18(13)).' }) centralAuthority!: boolean;
  @ApiProperty({ type: [String], example: ['en', 'hi'] }) acceptedLanguages!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(agency: Agency): AgencyView {
    return {
      id: agency.id,
      name: agency.name,
      country: agency.country,
      type: agency.type,
      centralAuthority: agency.centralAuthority,
      acceptedLanguages: agency.acceptedLanguages,
      createdAt: agency.createdAt.toISOString(),
      updatedAt: agency.updatedAt.toISOString(),
    };
  }
}
