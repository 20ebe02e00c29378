import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { mayAdministerUsersOf, type Actor } from '@liaison/domain';

/** Foreign agencies get 404 (their users' existence is not ours to reveal); own non-admins get 403. */
export function assertAdministersUsers(actor: Actor, agencyId: string): void {
  if (mayAdministerUsersOf(actor, agencyId)) return;
  if (actor.agencyId !== agencyId) throw new NotFoundException('Agency not found');
  throw new ForbiddenException('Only the agency ADMIN manages its users');
}
