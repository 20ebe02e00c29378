import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AgencySignOnSchema } from '@liaison/data';
import { passwordSignInOff } from './sso-problems';

/** Whether the agency still lets its users sign in with a password (off only while its provider is in use). */
@Injectable()
export class PasswordSignIn {
  constructor(private readonly em: EntityManager) {}

  async isOff(agencyId: string): Promise<boolean> {
    const count = await this.em
      .fork()
      .count(AgencySignOnSchema, { agency: agencyId, enabled: true, passwordSignIn: false });
    return count > 0;
  }

  /** Throws the 403 that names single sign-on. */
  refuse(): never {
    throw passwordSignInOff();
  }
}
