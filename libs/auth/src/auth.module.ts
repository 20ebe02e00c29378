import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
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
import { UserSessions } from './sessions/user-sessions';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { PasswordSignIn } from './sso/password-sign-in';
import { TokenService } from './tokens/token.service';

/** Sign-in, tokens and the global guards: every route needs a token unless @Public, and its @Roles. */
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
  controllers: [AuthController, MeController, OwnPasswordController],
  providers: [
    PasswordHasher,
    LoginThrottle,
    CredentialsVerifier,
    PasswordSignIn,
    TokenService,
    PasswordRules,
    UserSessions,
    OwnPasswordService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordHasher, PasswordRules, UserSessions, TokenService],
})
export class AuthModule {}
