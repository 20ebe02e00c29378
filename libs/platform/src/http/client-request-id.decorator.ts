import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request id of the HTTP call (from X-Request-Id or generated), for audit entries. */
export const ClientRequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const request = context.switchToHttp().getRequest<{ id?: unknown }>();
  return request.id === undefined ? null : String(request.id);
});
