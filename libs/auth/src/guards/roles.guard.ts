import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type Actor, type Role } from '@liaison/domain';
import { REQUIRED_ROLES } from '../decorators/roles.decorator';

/** Global guard: enforces {@link Roles} on routes that declare them. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor && hasRole(actor, ...required)) return true;
    throw new ForbiddenException(`This action needs one of the roles: ${required.join(', ')}`);
  }
}
