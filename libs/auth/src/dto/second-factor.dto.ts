import { ApiProperty } from '@nestjs/swagger';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { IsIn, IsObject, IsString, Length, Matches } from 'class-validator';
import { CODE_METHODS, type CodeMethod } from '../second-factor/second-factor-check';

export class ChallengeDto {
  @ApiProperty({ description: 'The `challengeToken` sign-in answered.' })
  @IsString()
  @Length(20, 2000)
  challengeToken!: string;
}

/** A typed code: six digits from the authenticator app, or a recovery code such as `7k2m-qx9d-4hnp`. */
export class CodeDto {
  @ApiProperty({ enum: CODE_METHODS })
  @IsIn(CODE_METHODS, { message: `method must be one of ${CODE_METHODS.join(', ')}` })
  method!: CodeMethod;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^(\d{6}|[0-9a-zA-Z][0-9a-zA-Z -]{10,18})$/, {
    message: 'code must be six digits from the authenticator app, or a recovery code such as 7k2m-qx9d-4hnp',
  })
  code!: string;
}

export class SecondFactorDto extends CodeDto {
  @ApiProperty({ description: 'The `challengeToken` sign-in answered.' })
  @IsString()
  @Length(20, 2000)
  challengeToken!: string;
}

export class ConfirmTotpDto extends ChallengeDto {
  @ApiProperty({ example: '123456', description: 'The first code the authenticator app shows for the new secret.' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the six digits the authenticator app shows' })
  code!: string;
}

/** What `navigator.credentials.get()` answered (as @simplewebauthn/browser serialises it). */
export class PasskeyAnswerDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The authentication response, as JSON.' })
  @IsObject()
  response!: AuthenticationResponseJSON;
}

export class PasskeySecondFactorDto extends PasskeyAnswerDto {
  @ApiProperty({ description: 'The `challengeToken` sign-in answered.' })
  @IsString()
  @Length(20, 2000)
  challengeToken!: string;
}

export class RegisterPasskeyDto {
  @ApiProperty({ example: 'Work laptop' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The registration response, as JSON.' })
  @IsObject()
  response!: RegistrationResponseJSON;
}
