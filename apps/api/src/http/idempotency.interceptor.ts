import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { uuidv7 } from 'uuidv7';
import { IdempotencyRecordSchema, runSql } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { fieldError, InvalidInputException, ProblemException, sha256Hex } from '@liaison/platform';
import { claimKeySql } from './idempotency.sql';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;
/** No call runs this long (body limits, statement and HTTP timeouts): an older unanswered claim was abandoned. */
export const ABANDONED_CLAIM_SECONDS = 60;

/**
 * `Idempotency-Key` on any POST: the first call claims the key for the caller and stores its answer; a retry
 * gets that answer again (same status and body) without running twice. A retry while the first is still
 * running gets 409; a key reused for a different call gets 422. Failed calls release the key; a claim left
 * unanswered for a minute (the process died mid-call) is taken over by the next retry, which then runs the call.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

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
    if (!claimed) return this.replay(actor.userId, key, fingerprint, response);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.em
        .fork()
        .nativeUpdate(
          IdempotencyRecordSchema,
          { id: claimed },
          { responseStatus: response.statusCode, responseBody: body ?? null },
        );
      return body;
    } catch (error) {
      await this.em.fork().nativeDelete(IdempotencyRecordSchema, { id: claimed });
      throw error;
    }
  }

  /**
   * Inserts the claim, or takes over the same call's claim abandoned without an answer (its process died, or the
   * database went away before the key could be released); returns its id, or undefined when the key is taken.
   */
  private async claim(userId: string, key: string, fingerprint: string): Promise<string | undefined> {
    const claim = { id: uuidv7(), userId, key, fingerprint };
    const rows = await runSql<{ id: string }>(this.em.fork(), claimKeySql(claim, ABANDONED_CLAIM_SECONDS));
    return rows[0]?.id;
  }

  private async replay(userId: string, key: string, fingerprint: string, response: Response): Promise<unknown> {
    const record = await this.em.fork().findOneOrFail(IdempotencyRecordSchema, { userId, key });
    if (record.fingerprint !== fingerprint) {
      throw new ProblemException(
        422,
        'idempotency-key-reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (record.responseStatus === null) {
      throw new ProblemException(409, 'conflict', 'A request with this Idempotency-Key is still being processed.');
    }
    response.status(record.responseStatus ?? 200).setHeader('Idempotent-Replayed', 'true');
    return record.responseBody;
  }
}

/**
 * Stored answers must not become a second, unencrypted copy of a person's identity: identities are replaced by
 * null (a replayed answer then shows the person as written, without the identifying fields; GET shows them).
 */
export function withoutIdentities(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdentities);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'identity' ? null : withoutIdentities(field)]),
  );
}
