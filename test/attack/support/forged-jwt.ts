import { createHmac, createSign } from 'node:crypto';

type Json = Record<string, unknown>;

const part = (value: Json | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed with HMAC-SHA256 under any key, with any header and claims. */
export function hs256(header: Json, claims: Json, key: string | Buffer): string {
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
}

/** A JWT signed with RSA-SHA256 under a private key in PEM. */
export function rs256(claims: Json, privateKeyPem: string): string {
  const signed = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  return `${signed}.${createSign('RSA-SHA256').update(signed).sign(privateKeyPem, 'base64url')}`;
}

/** A token with the given header and claims and the signature of another. */
export function withSignatureOf(token: string, header: Json, claims: Json): string {
  return `${part(header)}.${part(claims)}.${token.split('.')[2] ?? ''}`;
}

export function claimsOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;
}

export function headerOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Json;
}

export { part as base64urlJson };
