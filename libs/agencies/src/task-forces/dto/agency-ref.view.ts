import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '@liaison/domain';
import type { Agency } from '@liaison/data';

/** An agency as named beside a task force, a member or a request. */
export class AgencyRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Royal Thai Police' }) name!: string;
  @ApiProperty({ example: 'TH' }) country!: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type!: AgencyType;

  static from(agency: Pick<Agency, 'id' | 'name' | 'country' | 'type'>): AgencyRefView {
    return { id: agency.id, name: agency.name, country: agency.country, type: agency.type };
  }
}
