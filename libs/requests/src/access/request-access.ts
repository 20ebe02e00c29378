import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { RequestSchema, type Request } from '@liaison/data';
import { isInternalState, mayView, relationToRequest, type Actor, type RequestRelation } from '@liaison/domain';

export interface VisibleRequest {
  request: Request;
  relation: RequestRelation;
}

/**
 * The one place that decides whether a user may see a request (the rule itself is the domain's
 * `relationToRequest`). Anything not visible is 404, never 403: its existence is not ours to reveal.
 */
@Injectable()
export class RequestAccess {
  /**
   * `lock`: take the row lock, failing at once if another transaction holds it; with `wait`, queue for it instead
   * (draft edits, which then re-check the version they read).
   */
  async findVisible(
    em: EntityManager,
    actor: Actor,
    requestId: string,
    options: { lock?: boolean; wait?: boolean } = {},
  ): Promise<VisibleRequest> {
    if (options.lock) await lockRow(em, requestId, options.wait === true);
    const request = await em.findOne(RequestSchema, requestId);
    const relation = request ? await this.relation(em, actor, request) : 'none';
    if (!request || !mayView(relation)) throw new NotFoundException('Request not found');
    return { request, relation };
  }

  async relation(em: EntityManager, actor: Actor, request: Request): Promise<RequestRelation> {
    const parties = {
      requestingAgencyId: request.requestingAgency.id,
      requestedAgencyId: request.requestedAgency.id,
      internal: isInternalState(request.kind, request.state),
    };
    const direct = relationToRequest(actor, parties, false);
    if (direct !== 'none' || parties.internal) return direct;
    return relationToRequest(actor, parties, await this.inLinkedTaskForce(em, actor.userId, request.id));
  }

  private async inLinkedTaskForce(em: EntityManager, userId: string, requestId: string): Promise<boolean> {
    const [row] = await em
      .getConnection()
      .execute<{ member: boolean }[]>(
        `select ${inLinkedTaskForceSql('?', '?')} as member`,
        [requestId, userId],
        'all',
        em.getTransactionContext(),
      );
    return row?.member === true;
  }
}

/**
 * SQL: whether the user is a member of a task force the request is linked to (both arguments are SQL expressions,
 * such as `?` or a column). Members of such a task force see the request once it has left internal review.
 */
export function inLinkedTaskForceSql(requestId: string, userId: string): string {
  return `exists (select 1 from task_force_request l join task_force_member m on m.task_force_id = l.task_force_id
    where l.request_id = ${requestId} and m.user_id = ${userId})`;
}

/**
 * `FOR NO KEY UPDATE`, not `FOR UPDATE`: rows that merely reference the request (deadlines, notes, attachments,
 * task-force links) take `FOR KEY SHARE` on it, which this lock does not block, so they never make a transition fail.
 */
async function lockRow(em: EntityManager, requestId: string, wait: boolean): Promise<void> {
  await em
    .getConnection()
    .execute(
      `select 1 from request where id = ? for no key update${wait ? '' : ' nowait'}`,
      [requestId],
      'all',
      em.getTransactionContext(),
    );
}
