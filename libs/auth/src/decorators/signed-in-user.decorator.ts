import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { User } from '@liaison/data';

/** The user that passport-local has just verified (sign-in route only). */
export const SignedInUser = createParamDecorator((_data: unknown, context: ExecutionContext): User => {
  return context.switchToHttp().getRequest<{ user: User }>().user;
});
