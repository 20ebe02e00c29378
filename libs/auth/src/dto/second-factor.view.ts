import { ApiProperty } from '@nestjs/swagger';
import { TokenPairView } from './token-pair.view';

export class SecondFactorChallengeView {
  @ApiProperty({
    enum: ['verify', 'enrol'],
    description:
      '`verify`: give a second factor (POST /v1/auth/second-factor); `enrol`: enrol one first (POST /v1/auth/enrolment/totp).',
  })
  challenge!: 'verify' | 'enrol';

  @ApiProperty({ description: 'Single-use, for this purpose only; not an access token.' })
  challengeToken!: string;

  @ApiProperty({ example: 300 })
  expiresIn!: number;

  @ApiProperty({ enum: ['otp', 'recovery', 'passkey'], isArray: true, description: 'What the user may give.' })
  methods!: string[];
}

export class TotpEnrolmentView {
  @ApiProperty({ description: 'The new secret (base32), for typing into an authenticator app.' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Liaison:officer%40in-cbi.example?issuer=Liaison&secret=…' })
  otpauthUri!: string;

  @ApiProperty({ description: 'The URI as a QR code: a PNG data URL.' })
  qrCode!: string;
}

export class EnrolledView extends TokenPairView {
  @ApiProperty({ isArray: true, type: String, description: 'Ten single-use recovery codes: shown only here.' })
  recoveryCodes!: string[];
}

export class RecoveryCodesView {
  @ApiProperty({ isArray: true, type: String, description: 'Ten new single-use codes; the old ones stop working.' })
  recoveryCodes!: string[];
}

export class SecondFactorStatusView {
  @ApiProperty({ description: 'An authenticator app is enrolled.' }) totp!: boolean;
  @ApiProperty({ description: 'At least one passkey is registered.' }) passkeys!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
  @ApiProperty({ description: 'The second factor is required of this account.' }) required!: boolean;
}

export class PasskeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt!: string | null;
}

export class PasskeyListView {
  @ApiProperty({ type: PasskeyView, isArray: true }) items!: PasskeyView[];
}

/** WebAuthn options for `navigator.credentials.create()` or `.get()`, as JSON (@simplewebauthn/browser takes them). */
export class PasskeyOptionsView {
  @ApiProperty({ description: 'Single-use, for five minutes.' }) challenge!: string;
  @ApiProperty({ required: false }) rpId?: string;
  [option: string]: unknown;
}
