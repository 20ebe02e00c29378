import { Module } from '@nestjs/common';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import { AuthModule } from '../auth.module';
import { IdentityProviders } from './identity-providers';
import { SignOnSettings } from './sign-on-settings';
import { SsoAuthentication } from './sso-authentication';
import { SsoCodes } from './sso-codes';
import { loadSsoConfig, SSO_CONFIG } from './sso-config';
import { SsoFlows } from './sso-flows';
import { SsoSettingsController } from './sso-settings.controller';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignIn } from './sso-sign-in';
import { SsoController } from './sso.controller';

/** Single sign-on per agency with OpenID Connect: the browser flow, the code exchange and the agency's settings. */
@Module({
  imports: [AuthModule],
  controllers: [SsoController, SsoSettingsController],
  providers: [
    { provide: SSO_CONFIG, useFactory: loadSsoConfig },
    MASTER_KEYRING_PROVIDER,
    IdentityProviders,
    SignOnSettings,
    SsoFlows,
    SsoCodes,
    SsoAuthentication,
    SsoSignIn,
    SsoSettingsService,
  ],
})
export class SsoModule {}
