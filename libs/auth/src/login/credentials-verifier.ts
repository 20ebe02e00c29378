import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { UserSchema, type User } from '@liaison/data';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

/** Checks a login name and password; the same answer, in the same time, for unknown names. */
@Injectable()
export class CredentialsVerifier {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async verify(email: string, password: string): Promise<User> {
    const login = email.trim().toLowerCase();
    await this.throttle.assertNotLocked(login);
    const user = await this.em.fork().findOne(UserSchema, { email: login }, { populate: ['agency', 'passwordHash'] });
    const valid = user?.active ? await this.hasher.verify(user.passwordHash, password) : await this.decoy(password);
    if (!user || !valid) {
      await this.throttle.recordFailure(login);
      throw new UnauthorizedException('Invalid e-mail or password.');
    }
    await this.throttle.reset(login);
    return user;
  }

  private async decoy(password: string): Promise<false> {
    await this.hasher.verifyDecoy(password);
    return false;
  }
}
