import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail } from '@liaison/audit';
import { AgencySchema, runSql, TaskForceMemberSchema, TaskForceSchema, type TaskForce } from '@liaison/data';
import { mayCreateTaskForce, memberIsReadOnly, type Actor, type CallerContext } from '@liaison/domain';
import type { CursorPage, IdPageQuery } from '@liaison/platform';
import type { CreateTaskForceDto } from './dto/create-task-force.dto';
import { TaskForceView } from './dto/task-force.view';
import type { TaskForceSummaryView } from './dto/task-force-summary.view';
import { findVisibleTaskForce } from './task-force-standing';
import { taskForceStream } from './task-force-stream';
import { linkedRequestCountSql, taskForceSummariesSql } from './task-forces.sql';

interface SummaryRow {
  id: string;
  name: string;
  description: string | null;
  created_at: Date;
  lead_id: string;
  lead_name: string;
  lead_country: string;
  lead_type: TaskForceSummaryView['leadAgency']['type'];
  read_only: boolean | null;
  member_count: string | number;
  linked_request_count: string | number;
}

/** Joint task forces: set up by a central authority, led by its agency, followed by their members. */
@Injectable()
export class TaskForcesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async create({ actor, clientRequestId }: CallerContext, input: CreateTaskForceDto): Promise<TaskForceView> {
    if (!mayCreateTaskForce(actor)) throw new ForbiddenException('Only a SUPERVISOR sets up a task force');
    const id = await this.em.fork().transactional(async (tx) => {
      const lead = await tx.findOneOrFail(AgencySchema, actor.agencyId);
      const now = new Date();
      const taskForce = tx.create(TaskForceSchema, {
        name: input.name,
        description: input.description ?? null,
        leadAgency: lead,
        createdBy: actor.userId,
      });
      // The creator follows what they set up.
      const readOnly = memberIsReadOnly(lead.type, false);
      tx.create(TaskForceMemberSchema, { id: uuidv7(), taskForce, user: actor.userId, readOnly, createdAt: now });
      await tx.flush();
      await this.audit.append(tx, {
        stream: taskForceStream(taskForce.id),
        action: 'task_force.created',
        subjectType: 'task_force',
        subjectId: taskForce.id,
        actor,
        clientRequestId,
        occurredAt: now,
        data: { leadAgencyId: lead.id, creatorMembership: { userId: actor.userId, readOnly } },
      });
      return taskForce.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, taskForceId: string): Promise<TaskForceView> {
    const em = this.em.fork();
    const { taskForce } = await findVisibleTaskForce(em, actor, taskForceId);
    return this.present(em, taskForce, actor);
  }

  /** The task forces the caller is a member of or that their agency leads, oldest first. */
  async list(actor: Actor, page: IdPageQuery): Promise<CursorPage<TaskForceSummaryView>> {
    const rows = await runSql<SummaryRow>(this.em.fork(), taskForceSummariesSql(actor, page));
    const items = rows.slice(0, page.limit);
    return {
      items: items.map(toSummary),
      nextCursor: rows.length > page.limit ? items[items.length - 1].id : null,
    };
  }

  /** The task force as its viewers see it (also the answer of every membership change). */
  async present(em: EntityManager, taskForce: TaskForce, actor: Actor): Promise<TaskForceView> {
    await em.populate(taskForce, ['leadAgency']);
    const members = await em.find(
      TaskForceMemberSchema,
      { taskForce: taskForce.id },
      { populate: ['user', 'user.agency'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const [count] = await runSql<{ linked: number }>(em, linkedRequestCountSql(taskForce.id, actor));
    return TaskForceView.from(taskForce, members, count?.linked ?? 0, actor.userId);
  }
}

function toSummary(row: SummaryRow): TaskForceSummaryView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    leadAgency: { id: row.lead_id, name: row.lead_name, country: row.lead_country, type: row.lead_type },
    memberCount: Number(row.member_count),
    linkedRequestCount: Number(row.linked_request_count),
    myMembership: row.read_only === null ? null : { readOnly: row.read_only },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
