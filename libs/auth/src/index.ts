export { AuthModule } from './auth.module';
export { CurrentActor } from './decorators/current-actor.decorator';
export { Public } from './decorators/public.decorator';
export { Roles } from './decorators/roles.decorator';
export { AccountLockedException } from './login/login-throttle';
export { PasswordHasher } from './login/password-hasher';
export { SsoModule } from './sso/sso.module';
export { resealClientSecrets } from './sso/client-secret-sealing';
