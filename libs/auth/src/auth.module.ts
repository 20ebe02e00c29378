import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { LIAISON_CONFIG, MASTER_KEYRING_PROVIDER, type LiaisonConfig } from '@liaison/platform';
import { AuthController } from './auth.controller';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { CredentialsVerifier } from './login/credentials-verifier';
import { LoginThrottle } from './login/login-throttle';
import { PasswordHasher } from './login/password-hasher';
import { MeController } from './me.controller';
import { OwnPasswordController } from './passwords/own-password.controller';
import { OwnPasswordService } from './passwords/own-password.service';
import { PasswordRules } from './passwords/password-rules';
import { MyPasskeysController } from './second-factor/my-passkeys.controller';
import { MySecondFactorController } from './second-factor/my-second-factor.controller';
import { Passkeys } from './second-factor/passkeys';
import { RecoveryCodes } from './second-factor/recovery-codes';
import { SecondFactorCheck } from './second-factor/second-factor-check';
import { SecondFactorRemoval } from './second-factor/second-factor-removal';
import { Totp } from './second-factor/totp';
import { MySessionsController } from './sessions/my-sessions.controller';
import { RevokedSessions } from './sessions/revoked-sessions';
import { SessionRevocation } from './sessions/session-revocation';
import { ChallengeTokens } from './sign-in/challenge-tokens';
import { SecondFactorController } from './sign-in/second-factor.controller';
import { SignInFlow } from './sign-in/sign-in-flow';
import { StepUpController } from './step-up/step-up.controller';
import { StepUpGuard } from './step-up/step-up.guard';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { PasswordSignIn } from './sso/password-sign-in';
import { TokenService } from './tokens/token.service';

/**
 * Sign-in (password, then the second factor), sessions and their tokens, and the global guards: every route needs
 * a token unless @Public, its @Roles, and a recent second factor where it says @StepUp.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({
        secret: config.jwt.secret,
        signOptions: { expiresIn: config.jwt.accessTtlSeconds, issuer: config.jwt.issuer, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [
    AuthController,
    SecondFactorController,
    StepUpController,
    MeController,
    MySecondFactorController,
    MyPasskeysController,
    MySessionsController,
    OwnPasswordController,
  ],
  providers: [
    MASTER_KEYRING_PROVIDER,
    PasswordHasher,
    LoginThrottle,
    CredentialsVerifier,
    PasswordSignIn,
    TokenService,
    PasswordRules,
    OwnPasswordService,
    RevokedSessions,
    SessionRevocation,
    TokenService,
    ChallengeTokens,
    SignInFlow,
    Totp,
    RecoveryCodes,
    Passkeys,
    SecondFactorCheck,
    SecondFactorRemoval,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: StepUpGuard },
  ],
  exports: [PasswordHasher, PasswordRules, SignInFlow, RevokedSessions, SessionRevocation, SecondFactorRemoval],
})
export class AuthModule {}
