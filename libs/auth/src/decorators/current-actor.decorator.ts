import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@liaison/domain';

/** The authenticated caller, as set by the JWT strategy. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
