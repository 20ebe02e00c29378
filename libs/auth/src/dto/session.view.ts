import { ApiProperty } from '@nestjs/swagger';
import { AUTHENTICATION_METHODS, type AuthenticationMethod } from '@liaison/domain';

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'When the user signed in (ISO 8601, UTC).' }) startedAt!: string;
  @ApiProperty({ description: 'The last sign-in or refresh.' }) lastUsedAt!: string;
  @ApiProperty({ description: 'The absolute end: no refresh goes past it.' }) expiresAt!: string;
  @ApiProperty({ enum: AUTHENTICATION_METHODS, isArray: true }) methods!: AuthenticationMethod[];
  @ApiProperty({ type: String, nullable: true, description: 'The user agent at sign-in.' }) client!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The address at sign-in.' }) ip!: string | null;
  @ApiProperty({ description: 'The session of this access token.' }) current!: boolean;
}

export class SessionListView {
  @ApiProperty({ type: SessionView, isArray: true, description: 'Live sessions, the latest first.' })
  items!: SessionView[];
}
