import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { RequestSchema, runSql, type Request } from '@liaison/data';
import {
  isKnownToRequestingSideAlone,
  mayView,
  relationToRequest,
  type Actor,
  type RequestRelation,
} from '@liaison/domain';
import { RequestVault, type OpenedRequestKey } from '../encryption/request-vault';
import { linkedTaskForceMemberSql, lockRequestSql } from './request-access.sql';

export interface VisibleRequest {
  /** With its content opened (empty once purged). */
  request: Request;
  relation: RequestRelation;
  /** The request's data key, opened only now that the caller is known to see the request. */
  key: OpenedRequestKey;
}

/**
 * The one place that decides whether a user may see a request (the rule itself is the domain's
 * `relationToRequest`). Anything not visible is 404, never 403: its existence is not ours to reveal.
 */
@Injectable()
export class RequestAccess {
  constructor(private readonly vault: RequestVault) {}

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
    if (options.lock) await runSql(em, lockRequestSql(requestId, options.wait === true));
    const request = await em.findOne(RequestSchema, requestId);
    const relation = request ? await this.relation(em, actor, request) : 'none';
    if (!request || !mayView(relation)) throw new NotFoundException('Request not found');
    return { request, relation, key: await this.vault.openContent(em, request) };
  }

  async relation(em: EntityManager, actor: Actor, request: Request): Promise<RequestRelation> {
    const parties = {
      requestingAgencyId: request.requestingAgency.id,
      requestedAgencyId: request.requestedAgency.id,
      internal: isKnownToRequestingSideAlone(request.kind, request.state, request.previousState),
    };
    const direct = relationToRequest(actor, parties, false);
    if (direct !== 'none' || parties.internal) return direct;
    return relationToRequest(actor, parties, await this.inLinkedTaskForce(em, actor.userId, request.id));
  }

  private async inLinkedTaskForce(em: EntityManager, userId: string, requestId: string): Promise<boolean> {
    const [row] = await runSql<{ member: boolean }>(em, linkedTaskForceMemberSql(requestId, userId));
    return row?.member === true;
  }
}
