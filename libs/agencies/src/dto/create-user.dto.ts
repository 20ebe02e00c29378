import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '@liaison/domain';

/** No password: the new user chooses it through the invitation e-mailed to them; a `password` field is refused. */
export class CreateUserDto {
  @ApiProperty({ example: 'new.officer@in-cbi.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Asha Rao' })
  @IsString()
  @Length(2, 200)
  displayName!: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: ['OFFICER'],
    description:
      'SUPERVISOR and AUDITOR wait for a second administrator (GET /v1/role-grants); the others apply at once.',
  })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiPropertyOptional({ default: 'en', description: 'ISO 639-1' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as en' })
  language?: string;
}
