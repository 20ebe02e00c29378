import type { AgencyType } from '../agencies/agency-type';
import { hasRole, type Actor } from './actor';

/** How a user stands to a task force: whether their agency leads it, and their own membership if any. */
export interface TaskForceStanding {
  leadAgencyId: string;
  membership: { readOnly: boolean } | null;
}

/** A central authority (SUPERVISOR) sets up a joint task force, led by its own agency. */
export function mayCreateTaskForce(actor: Actor): boolean {
  return hasRole(actor, 'SUPERVISOR');
}

/** Members follow the task force; the lead agency's users oversee it. Everyone else gets 404. */
export function mayViewTaskForce(actor: Actor, standing: TaskForceStanding): boolean {
  return standing.membership !== null || actor.agencyId === standing.leadAgencyId;
}

/** Membership is decided by the lead agency's central authority. */
export function mayManageTaskForceMembers(actor: Actor, standing: TaskForceStanding): boolean {
  return hasRole(actor, 'SUPERVISOR') && actor.agencyId === standing.leadAgencyId;
}

/** NGO liaison members follow the board but change nothing (docs/domain.md, Parties and roles), whatever was asked. */
export function memberIsReadOnly(agencyType: AgencyType, readOnlyRequested: boolean): boolean {
  return agencyType === 'NGO' || readOnlyRequested;
}
