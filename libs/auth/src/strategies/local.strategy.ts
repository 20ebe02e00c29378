import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { User } from '@liaison/data';
import { CredentialsVerifier } from '../login/credentials-verifier';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly credentials: CredentialsVerifier) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  /** `ip` is the client's address as TRUST_PROXY lets Express read it. */
  validate(request: { id?: unknown; ip?: string }, email: string, password: string): Promise<User> {
    return this.credentials.verify(email, password, {
      clientRequestId: request.id === undefined ? null : String(request.id),
      clientAddress: request.ip ?? null,
    });
  }
}
