import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  NotContains,
} from 'class-validator';

const CLAIM_VALUE = /^[\x21-\x7e]{1,200}$/;
const SINGLE_FACTOR = /^(?!pwd$|pin$|kba$)/;

/** An agency's identity provider, as its ADMIN sets it (PUT: the whole of it; the client secret may be left out to keep it). */
export class SsoSettingsDto {
  @ApiProperty({ example: 'https://login.police.example/realms/staff' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  @NotContains('#', { message: 'issuer must not have a fragment' })
  issuer!: string;

  @ApiProperty({ example: 'liaison' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  clientId!: string;

  @ApiPropertyOptional({
    format: 'password',
    description: 'Stored encrypted, never shown again. Leave out to keep the stored one; required the first time.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  clientSecret?: string;

  @ApiPropertyOptional({ default: 'email', description: 'The claim of the ID token (or userinfo) with the e-mail.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/-]{1,100}$/, { message: 'emailClaim must be a claim name' })
  emailClaim?: string;

  @ApiPropertyOptional({
    example: ['mfa', 'otp', 'hwk'],
    default: [],
    description: '`amr` values that stand for the second factor (never pwd, pin or kba); empty: none does.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CLAIM_VALUE, { each: true, message: 'each acceptedAmr value must be a printable token' })
  @Matches(SINGLE_FACTOR, {
    each: true,
    message: 'pwd, pin and kba are single factors: they never count as the second',
  })
  acceptedAmr?: string[];

  @ApiPropertyOptional({ example: [], default: [], description: '`acr` values that stand for the second factor.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CLAIM_VALUE, { each: true, message: 'each acceptedAcr value must be a printable token' })
  acceptedAcr?: string[];

  @ApiPropertyOptional({ default: true, description: 'Off: the settings are kept, nobody signs in through them.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Off: the agency’s users sign in only through the provider; possible once someone has done so.',
  })
  @IsOptional()
  @IsBoolean()
  passwordSignIn?: boolean;
}
