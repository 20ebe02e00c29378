import { hasRole, type Actor } from '../access/actor';

/**
 * Only the agency's own ADMINs connect its identity provider. Not a platform admin of another agency: whoever sets
 * the provider decides who signs in as the agency's users.
 */
export function mayConfigureSingleSignOn(actor: Actor, agencyId: string): boolean {
  return hasRole(actor, 'ADMIN') && actor.agencyId === agencyId;
}
