import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@liaison/domain';

/**
 * The signed-in caller (set by the global JWT guard). Its own decorator rather than `@CurrentActor` of
 * `@liaison/auth`: auth writes audit entries, so importing it here would make the two libraries depend on each other.
 */
export const AuditReader = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
