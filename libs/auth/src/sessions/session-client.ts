import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';

/** Where a sign-in or refresh came from: what the user's list of sessions shows, and the audit's request id. */
export interface SessionClient {
  clientRequestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const NO_CLIENT: SessionClient = { clientRequestId: null, ip: null, userAgent: null };

interface HttpRequest {
  id?: unknown;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The caller's address (as express sees it, behind TRUST_PROXY), user agent and request id. */
export const ClientOfSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionClient => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  const agent = request.headers['user-agent'];
  return {
    clientRequestId: request.id === undefined ? null : String(request.id),
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
  };
});

/** The address and user agent are personal data: sealed under the master key, bound to their session. */
const clientContext = (sessionId: string, masterKeyId: string) =>
  `liaison/session-client/v1|${sessionId}|${masterKeyId}`;

export function sealSessionClient(client: SessionClient, sessionId: string, key: MasterKey): Buffer {
  const plain = Buffer.from(JSON.stringify({ ip: client.ip, userAgent: client.userAgent }), 'utf8');
  return gcmPack(gcmSeal(key.key, plain, clientContext(sessionId, key.id)));
}

export function openSessionClient(
  sealed: Buffer,
  sessionId: string,
  masterKeyId: string,
  keyring: MasterKeyring,
): { ip: string | null; userAgent: string | null } {
  const key = keyring.get(masterKeyId);
  return JSON.parse(gcmOpen(key.key, gcmUnpack(sealed), clientContext(sessionId, key.id)).toString('utf8'));
}
