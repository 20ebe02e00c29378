import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@liaison/domain';
import type { User } from '@liaison/data';

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() active!: boolean;
  @ApiProperty() language!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(user: User): UserView {
    return {
      id: user.id,
      agencyId: user.agency.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      active: user.active,
      language: user.language,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}
