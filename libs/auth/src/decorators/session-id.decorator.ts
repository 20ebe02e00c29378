import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The caller's session (the `sid` of the access token the JWT guard has already verified), or null for a token
 * issued before sessions were named.
 */
export const SessionId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['authorization'];
  const payload = typeof header === 'string' ? header.replace(/^Bearer /i, '').split('.')[1] : undefined;
  if (!payload) return null;
  try {
    const { sid } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sid?: unknown };
    return typeof sid === 'string' ? sid : null;
  } catch {
    return null;
  }
});
