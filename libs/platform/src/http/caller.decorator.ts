import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

interface HttpRequest {
  id?: unknown;
  user?: unknown;
}

/** The request id of the HTTP call (from X-Request-Id or generated), for audit entries. */
export const ClientRequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null =>
  clientRequestIdOf(context.switchToHttp().getRequest<HttpRequest>()),
);

/**
 * The caller context of `@liaison/domain` (`CallerContext`): the signed-in actor (set by the global JWT guard)
 * with the request id. It lives here, not in auth, so that audit, which auth depends on, can use it too.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callerContextOf(context.switchToHttp().getRequest<HttpRequest>()),
);

/** The caller context of an HTTP request (for code that runs around the handler, as interceptors do). */
export function callerContextOf(request: HttpRequest): { actor: unknown; clientRequestId: string | null } {
  return { actor: request.user, clientRequestId: clientRequestIdOf(request) };
}

function clientRequestIdOf(request: HttpRequest): string | null {
  return request.id === undefined ? null : String(request.id);
}
