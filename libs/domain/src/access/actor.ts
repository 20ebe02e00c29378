import type { Role } from './role';

/** Who is acting: the authenticated user as the domain sees them. */
export interface Actor {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  /** Operates the platform itself: creates agencies and their first administrators. */
  platformAdmin: boolean;
  /** The session the access token belongs to (absent for actors made outside a request, such as the worker's). */
  sessionId?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
