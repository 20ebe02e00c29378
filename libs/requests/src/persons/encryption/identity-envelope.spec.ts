import { randomBytes } from 'node:crypto';
import { masterKeyId, MasterKeyring, UnknownMasterKeyError } from '@liaison/platform';
import type { PersonIdentity } from '../person-identity';
import {
  IdentityDecryptionError,
  openIdentity,
  rewrapDataKey,
  sealIdentity,
  type IdentityEnvelope,
} from './identity-envelope';

describe('identity envelope', () => {
  const personId = '0193a1b2-0000-7000-8000-000000000001';
  const identity: PersonIdentity = {
    names: ['Sita Tamang'],
    aliases: ['S. T.'],
    dateOfBirth: '2008-03',
    documentNumbers: [{ type: 'passport', number: 'PA1234567', issuingCountry: 'NP' }],
    addresses: ['Ward 4, Sindhupalchok'],
    contactDetails: ['+977 98 0000 0000'],
    photographRefs: ['photo-1'],
  };
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const keyring = new MasterKeyring(oldKey);
  const seal = () => sealIdentity(personId, identity, keyring.current);
  const flip = (buffer: Buffer, index = 0) => {
    const copy = Buffer.from(buffer);
    copy[index] = (copy[index] ?? 0) ^ 0x01;
    return copy;
  };

  it('round-trips, with nothing of the identity in clear and a fresh data key and nonce each time', () => {
    const envelope = seal();
    expect(openIdentity(personId, envelope, keyring)).toEqual(identity);
    const stored = Buffer.concat([envelope.ciphertext, envelope.iv, envelope.tag, envelope.wrappedDataKey]);
    for (const value of ['Sita', 'Tamang', 'PA1234567', 'Sindhupalchok', '2008-03']) {
      expect(stored.includes(Buffer.from(value))).toBe(false);
    }
    const again = seal();
    expect(again.iv.equals(envelope.iv)).toBe(false);
    expect(again.wrappedDataKey.equals(envelope.wrappedDataKey)).toBe(false);
    expect(envelope.masterKeyId).toBe(masterKeyId(oldKey));
    expect(envelope.wrappedDataKey).toHaveLength(60);
  });

  it('pads the ciphertext so its length does not reveal the length of a name', () => {
    const short = sealIdentity(personId, { names: ['A'] }, keyring.current);
    const long = sealIdentity(personId, { names: ['A much longer name than the other one'] }, keyring.current);
    expect(short.ciphertext.length).toBe(long.ciphertext.length);
    expect(short.ciphertext.length % 256).toBe(0);
  });

  it('refuses a wrong master key, even one claiming the right id', () => {
    const envelope = seal();
    const impostor = new MasterKeyring(randomBytes(32));
    expect(() => openIdentity(personId, envelope, impostor)).toThrow(UnknownMasterKeyError);
    const sameId = { get: () => ({ id: envelope.masterKeyId, key: randomBytes(32) }) } as unknown as MasterKeyring;
    expect(() => openIdentity(personId, envelope, sameId)).toThrow(IdentityDecryptionError);
  });

  it.each<[string, (envelope: IdentityEnvelope) => IdentityEnvelope]>([
    ['a ciphertext byte', (envelope) => ({ ...envelope, ciphertext: flip(envelope.ciphertext, 5) })],
    ['the tag', (envelope) => ({ ...envelope, tag: flip(envelope.tag) })],
    ['the nonce', (envelope) => ({ ...envelope, iv: flip(envelope.iv) })],
    ['the wrapped data key', (envelope) => ({ ...envelope, wrappedDataKey: flip(envelope.wrappedDataKey, 20) })],
  ])('detects a change to %s', (_, tamper) => {
    expect(() => openIdentity(personId, tamper(seal()), keyring)).toThrow(IdentityDecryptionError);
  });

  it("refuses an envelope moved to another person's row", () => {
    const envelope = seal();
    expect(() => openIdentity('0193a1b2-0000-7000-8000-000000000002', envelope, keyring)).toThrow(
      IdentityDecryptionError,
    );
  });

  it('re-wraps the data key under a new master key without touching the data, readable with the new key only', () => {
    const envelope = seal();
    const rotating = new MasterKeyring(newKey, [oldKey]);
    const rewrapped = rewrapDataKey(personId, envelope, rotating, rotating.current);
    expect(rewrapped.masterKeyId).toBe(masterKeyId(newKey));
    const after = { ...envelope, ...rewrapped };
    expect(after.ciphertext.equals(envelope.ciphertext)).toBe(true);
    expect(openIdentity(personId, after, new MasterKeyring(newKey))).toEqual(identity);
    expect(() => openIdentity(personId, after, new MasterKeyring(oldKey))).toThrow(UnknownMasterKeyError);
    expect(openIdentity(personId, envelope, rotating)).toEqual(identity);
  });

  it('cannot be read at all once the data key is destroyed', () => {
    const envelope = seal();
    const purged = { ...envelope, wrappedDataKey: Buffer.alloc(0) };
    expect(() => openIdentity(personId, purged, keyring)).toThrow(IdentityDecryptionError);
    const otherDataKey = sealIdentity(personId, identity, keyring.current).wrappedDataKey;
    expect(() => openIdentity(personId, { ...envelope, wrappedDataKey: otherDataKey }, keyring)).toThrow(
      IdentityDecryptionError,
    );
  });

  it('gives each master key a stable 16-hex id', () => {
    expect(masterKeyId(oldKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(Buffer.from(oldKey))).toBe(masterKeyId(oldKey));
    expect(masterKeyId(newKey)).not.toBe(masterKeyId(oldKey));
    expect(new MasterKeyring(newKey, [oldKey]).previousIds).toEqual([masterKeyId(oldKey)]);
  });
});
