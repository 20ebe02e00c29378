import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { describeWorkflow, nextSteps, type Actor, type Role } from '@liaison/domain';
import { myWorkSql, type WorkRow } from './my-work.sql';
import { workStates } from './work-states';
import type { MyWorkQuery } from './my-work.query';
import type { MyWorkView, WorkItemView } from './my-work.view';

const ACTING_ROLES: readonly Role[] = ['OFFICER', 'SUPERVISOR'];

/** `GET /v1/me/work`: the requests waiting on the caller's roles in their agency, most urgent first. */
@Injectable()
export class MyWorkService {
  constructor(private readonly em: EntityManager) {}

  async work(actor: Actor, query: MyWorkQuery): Promise<MyWorkView> {
    const roles = ACTING_ROLES.filter((role) => actor.roles.includes(role));
    const statement = myWorkSql(
      { agencyId: actor.agencyId, userId: actor.userId, draftState: 'draft' },
      workStates(roles),
      query.limit,
    );
    const rows = roles.length ? await runSql<WorkRow>(this.em.fork(), statement) : [];
    return {
      items: rows.slice(0, query.limit).map((row) => toWorkItem(row, roles)),
      more: rows.length > query.limit,
    };
  }
}

function toWorkItem(row: WorkRow, roles: readonly Role[]): WorkItemView {
  const steps = nextSteps(describeWorkflow(row.kind), row.state, row.held_by_side ?? undefined);
  const counterpart =
    row.relation === 'requesting'
      ? { id: row.requested_agency_id, name: row.requested_agency_name, country: row.requested_agency_country }
      : { id: row.requesting_agency_id, name: row.requesting_agency_name, country: row.requesting_agency_country };
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    title: row.title,
    relation: row.relation,
    counterpart,
    urgency: row.urgency,
    overdue: row.overdue,
    expected: steps
      .filter((step) => step.side === row.relation && roles.includes(step.role))
      .map(({ role, events }) => ({ role, events })),
    dueAt: row.next_due_at ? new Date(row.next_due_at).toISOString() : null,
    dueTimer: row.next_due_timer,
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
  };
}
