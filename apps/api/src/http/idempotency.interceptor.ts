import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { uuidv7 } from 'uuidv7';
import {
  claimKeySql,
  IdempotencyRecordSchema,
  releaseClaimSql,
  runSql,
  storeAnswerSql,
  withIdempotencyClaim,
  type IdempotencyClaim,
  type IdempotencyRecord,
} from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import {
  callerContextOf,
  conflict,
  etagOf,
  fieldError,
  InvalidInputException,
  ProblemException,
  sha256Hex,
} from '@liaison/platform';
import { IdempotentReplays } from '@liaison/requests';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;
/** No call runs this long (body limits, statement and HTTP timeouts): an older unanswered claim was abandoned. */
export const ABANDONED_CLAIM_SECONDS = 60;
/** A key answers for its call this long; then the record is deleted and the key may be used afresh. */
export const IDEMPOTENCY_RECORD_HOURS = 24;

/**
 * `Idempotency-Key` on any POST: the first call claims the key for the caller; a retry gets its answer again
 * (same status, `Idempotent-Replayed: true`) without running twice. A retry while the first is still running gets
 * 409; a key reused for a different call gets 422. Failed calls release the key; a claim left unanswered for a
 * minute (the process died mid-call) is taken over by the next retry, which then runs the call.
 *
 * The record keeps no answer: the change's own transaction writes the status and the ids of what it wrote
 * (libs/data's `recordIdempotentAnswer`, `idempotentAnswerSql`), so that it commits with the change or not at all,
 * and a replay is rebuilt from the database as the caller may see it then (`IdempotentReplays`). Routes whose
 * writes record no resource get their answer stored after the call, as sent.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly em: EntityManager,
    private readonly replays: IdempotentReplays,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.user) return next.handle();
    return from(this.once(request, http.getResponse<Response>(), request.user, key, next));
  }

  private async once(request: Request, response: Response, actor: Actor, key: string, next: CallHandler) {
    if (!KEY_PATTERN.test(key)) {
      throw new InvalidInputException([
        fieldError(['Idempotency-Key'], 'must be 1 to 200 letters, digits or ._:-', 'header'),
      ]);
    }
    const fingerprint = sha256Hex(`${request.method} ${request.originalUrl} ${JSON.stringify(request.body ?? null)}`);
    const claimed = await this.claim(actor.userId, key, fingerprint);
    if (!claimed) return this.replay(callerContextOf(request) as CallerContext, key, fingerprint, response);
    // Nest has set the route's status before the interceptors run
    const claim: IdempotencyClaim = { id: claimed, status: response.statusCode, answered: false };
    try {
      // handle() inside the claim's context: the handler's async work inherits it
      const body = await withIdempotencyClaim(claim, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      if (!claim.answered) await runSql(this.em.fork(), storeAnswerSql(claim.id, response.statusCode, body));
      return body;
    } catch (error) {
      await runSql(this.em.fork(), releaseClaimSql(claim.id));
      throw error;
    }
  }

  /**
   * Inserts the claim, or takes over the same call's claim abandoned without an answer (its process died, or the
   * database went away before the key could be released) or an expired record; returns its id, or undefined when
   * the key is taken. Each claim also deletes a batch of expired records.
   */
  private async claim(userId: string, key: string, fingerprint: string): Promise<string | undefined> {
    const claim = { id: uuidv7(), userId, key, fingerprint };
    const limits = { abandonedAfterSeconds: ABANDONED_CLAIM_SECONDS, expiresAfterHours: IDEMPOTENCY_RECORD_HOURS };
    const rows = await runSql<{ id: string }>(this.em.fork(), claimKeySql(claim, limits));
    return rows[0]?.id;
  }

  private async replay(caller: CallerContext, key: string, fingerprint: string, response: Response) {
    const record = await this.em.fork().findOne(IdempotencyRecordSchema, { userId: caller.actor.userId, key });
    if (record && record.fingerprint !== fingerprint) {
      throw new ProblemException(
        422,
        'idempotency-key-reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    // no record: the first call failed and released the key just now
    const status = record?.responseStatus;
    if (!record || typeof status !== 'number') {
      throw conflict('A request with this Idempotency-Key is still being processed.');
    }
    const body = await this.answerOf(caller, record, response);
    response.status(status).setHeader('Idempotent-Replayed', 'true');
    return body;
  }

  private async answerOf(caller: CallerContext, record: IdempotencyRecord, response: Response): Promise<unknown> {
    if (!record.resource) return record.responseBody;
    const { body, version } = await this.replays.rebuild(caller, record.resource);
    if (version !== undefined) response.setHeader('ETag', etagOf(version));
    return body;
  }
}
