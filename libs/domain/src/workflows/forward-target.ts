import { isGovernmentAgency, type AgencyType } from '../agencies/agency-type';
import { needsPermissionToShareOnward, type Handling } from './handling-code';

export interface ForwardTarget {
  id: string;
  country: string;
  type: AgencyType;
}

export interface Forwarding {
  requestingAgencyId: string;
  requestedAgency: { id: string; country: string };
  target: ForwardTarget;
  handling: Handling;
}

/**
 * Why a request may not be forwarded to the target, or null (Directive 2014/41/EU Art. 7(6)): forwarding hands it to
 * the competent authority of the requested state, so the target is another government agency of that state. The
 * request reaches an agency beyond its two parties, which its handling code may forbid without the provider's
 * permission (docs/domain.md, Handling codes): only the requesting agency could give it, so H2 and H3 requests are
 * not forwarded.
 */
export function forwardRefusal({ requestingAgencyId, requestedAgency, target, handling }: Forwarding): string | null {
  if (target.id === requestingAgencyId || target.id === requestedAgency.id) {
    return 'must be another agency, not a party to the request';
  }
  if (target.country !== requestedAgency.country) {
    return `must be an agency of the requested state (${requestedAgency.country})`;
  }
  if (!isGovernmentAgency(target.type)) return 'must be a government agency of the requested state, not an NGO';
  if (needsPermissionToShareOnward(handling)) {
    return `may not receive a ${handling.code} request: its handling code forbids onward sharing without the requesting agency's permission`;
  }
  return null;
}
