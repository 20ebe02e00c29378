import { describeWorkflow, REQUEST_KINDS, SIDES, statesWaitingOn, type Role } from '@liaison/domain';
import type { WorkStates } from './my-work.sql';

/** For each kind and side, the states in which a request waits on any of these roles. */
export function workStates(roles: readonly Role[]): WorkStates[] {
  return REQUEST_KINDS.flatMap((kind) => {
    const workflow = describeWorkflow(kind);
    return SIDES.map((side) => {
      const per = roles.map((role) => statesWaitingOn(workflow, side, role));
      const always = new Set(per.flatMap((each) => each.always));
      const whenHolding = new Set(per.flatMap((each) => each.whenHolding).filter((state) => !always.has(state)));
      return { side, kind, always: [...always], whenHolding: [...whenHolding] };
    });
  });
}
