import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Redis } from 'ioredis';
import { PasskeyCredentialSchema, UserSchema, type PasskeyCredential, type User } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig, REDIS_CLIENT } from '@liaison/platform';
import { invalidSecondFactor } from '../auth-problems';

const CHALLENGE_TTL_SECONDS = 300;

/**
 * Passkeys (WebAuthn): registered from a signed-in session, then given as the second factor at sign-in or step-up.
 * The relying party is the console's origin and host name (WEBAUTHN_ORIGIN, WEBAUTHN_RP_ID), so a passkey answers
 * no other site. Each ceremony's challenge lives in Redis for five minutes and is taken out on first use.
 */
@Injectable()
export class Passkeys {
  constructor(
    private readonly em: EntityManager,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /** `ceremony` names whose challenge this is: a session's registration, a sign-in challenge, a step-up. */
  async registrationOptions(user: User, ceremony: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.of(user.id);
    const options = await generateRegistrationOptions({
      rpName: 'Liaison',
      rpID: this.config.sessions.webauthn.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.keep(`register:${ceremony}`, options.challenge);
    return options;
  }

  async register(
    em: EntityManager,
    user: User,
    ceremony: string,
    response: RegistrationResponseJSON,
    name: string,
  ): Promise<PasskeyCredential> {
    const expectedChallenge = await this.take(`register:${ceremony}`);
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: this.config.sessions.webauthn.origin,
      expectedRPID: this.config.sessions.webauthn.rpId,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) throw invalidSecondFactor();
    const { credential } = verification.registrationInfo;
    const passkey = em.create(PasskeyCredentialSchema, {
      user: em.getReference(UserSchema, user.id),
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
      lastUsedAt: null,
    });
    await em.flush();
    return passkey;
  }

  async authenticationOptions(userId: string, ceremony: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.of(userId);
    const options = await generateAuthenticationOptions({
      rpID: this.config.sessions.webauthn.rpId,
      allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      userVerification: 'preferred',
    });
    await this.keep(`authenticate:${ceremony}`, options.challenge);
    return options;
  }

  /** Whether the answer is a valid signature of one of the user's passkeys over the ceremony's challenge. */
  async authenticate(userId: string, ceremony: string, response: AuthenticationResponseJSON): Promise<boolean> {
    const expectedChallenge = await this.take(`authenticate:${ceremony}`);
    const em = this.em.fork();
    const passkey = await em.findOne(PasskeyCredentialSchema, { user: userId, credentialId: String(response.id) });
    if (!passkey) return false;
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: this.config.sessions.webauthn.origin,
      expectedRPID: this.config.sessions.webauthn.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return false;
    // a counter that does not move forward (when the authenticator keeps one) is a cloned key: refused
    const { newCounter } = verification.authenticationInfo;
    const moved = await em.nativeUpdate(
      PasskeyCredentialSchema,
      { id: passkey.id, ...(newCounter > 0 ? { counter: { $lt: newCounter } } : {}) },
      { counter: newCounter, lastUsedAt: new Date() },
    );
    return moved === 1;
  }

  of(userId: string): Promise<PasskeyCredential[]> {
    return this.em.fork().find(PasskeyCredentialSchema, { user: userId }, { orderBy: { id: 'asc' } });
  }

  private async keep(ceremony: string, challenge: string): Promise<void> {
    await this.redis.set(this.key(ceremony), challenge, 'EX', CHALLENGE_TTL_SECONDS);
  }

  /** The ceremony's challenge, once: a second answer to it finds none. */
  private async take(ceremony: string): Promise<string> {
    const challenge = await this.redis.getdel(this.key(ceremony));
    if (!challenge) throw invalidSecondFactor();
    return challenge;
  }

  private key(ceremony: string): string {
    return `webauthn-challenge:${ceremony}`;
  }
}
