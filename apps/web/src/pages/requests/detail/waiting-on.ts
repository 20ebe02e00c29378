import { nextSteps, type NextStep, type Side, type WorkflowDescription } from '@liaison/domain';
import type { HistoryEntry, Me, Party, RequestView } from '../../../api/types';

/** Who a request waits on and what that means for the viewer, read from its workflow and its state. */
export interface WaitingOn {
  final: boolean;
  /** The agencies expected to act, each with its roles and their events. */
  parties: { side: Side; agency: Party; steps: Omit<NextStep, 'side'>[] }[];
  /** The running clock that falls due first. */
  due?: { timer: string; description: string; dueAt: string };
  viewer: ViewerPosition;
}

export type ViewerPosition =
  /** The viewer may send these now (the buttons). */
  | { type: 'acts'; events: string[]; othersOfSide: Omit<NextStep, 'side'>[] }
  /** The viewer's agency is expected to act, through another role. */
  | { type: 'role'; steps: Omit<NextStep, 'side'>[] }
  /** The other agency must act first. */
  | { type: 'other_side'; agency: Party; steps: Omit<NextStep, 'side'>[] }
  /** Auditors, administrators, task-force members, a final state: nothing is expected of the viewer. */
  | { type: 'none' };

export function waitingOn(
  workflow: WorkflowDescription,
  request: RequestView,
  me: Me,
  history: readonly HistoryEntry[] = [],
): WaitingOn {
  const state = workflow.states.find((each) => each.name === request.state);
  const agencyOf = (side: Side) => (side === 'requesting' ? request.requestingAgency : request.requestedAgency);
  const steps = nextSteps(workflow, request.state, holdingSide(request, history));
  const parties = (['requesting', 'requested'] as const)
    .map((side) => ({
      side,
      agency: agencyOf(side),
      steps: steps.filter((step) => step.side === side).map(({ role, events }) => ({ role, events })),
    }))
    .filter((party) => party.steps.length > 0);
  return {
    final: state?.final === true,
    parties,
    due: firstDue(workflow, request),
    viewer: viewerPosition(request, me, parties),
  };
}

function viewerPosition(request: RequestView, me: Me, parties: WaitingOn['parties']): ViewerPosition {
  const mySide: Side | undefined = request.relation === 'task_force' ? undefined : (request.relation as Side);
  const acting = me.roles.includes('OFFICER') || me.roles.includes('SUPERVISOR');
  if (!mySide || !acting || parties.length === 0) return { type: 'none' };
  const mine = parties.find((party) => party.side === mySide);
  const expected = (mine?.steps ?? []).flatMap((step) => step.events);
  const events = request.allowedEvents.filter((event) => expected.includes(event));
  const othersOfSide = (mine?.steps ?? [])
    .filter((step) => !me.roles.includes(step.role))
    .map((step) => ({ ...step, events: step.events.filter((event) => !events.includes(event)) }))
    .filter((step) => step.events.length > 0);
  if (events.length > 0) return { type: 'acts', events, othersOfSide };
  if (mine) return { type: 'role', steps: othersOfSide.length > 0 ? othersOfSide : mine.steps };
  const other = parties[0];
  return { type: 'other_side', agency: other.agency, steps: other.steps };
}

/** The side that put a halted request on hold: the agency of the last event that entered the current state. */
function holdingSide(request: RequestView, history: readonly HistoryEntry[]): Side | undefined {
  const entered = enteringEntry(request, history);
  if (!entered) return undefined;
  return entered.actorAgencyId === request.requestedAgency.id ? 'requested' : 'requesting';
}

/** The accepted event that brought the request into its current state (its question, its reasons). */
export function enteringEntry(request: RequestView, history: readonly HistoryEntry[]): HistoryEntry | undefined {
  const last = history.at(-1);
  return last && last.to === request.state ? last : undefined;
}

function firstDue(workflow: WorkflowDescription, request: RequestView): WaitingOn['due'] {
  const running = request.timers
    .filter((timer) => timer.status === 'running' && timer.dueAt)
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  const first = running[0];
  if (!first?.dueAt) return undefined;
  const description = workflow.timers.find((timer) => timer.name === first.name)?.description ?? first.name;
  return { timer: first.name, description, dueAt: first.dueAt };
}
