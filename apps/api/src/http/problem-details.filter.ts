import { HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter, Catch } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ConnectionException, NotFoundError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { AccountLockedException } from '@liaison/auth';
import { InvalidInputException, ProblemException } from '@liaison/platform';
import { errorForLog } from '../observability/log-redaction';
import { requestId } from '../observability/logger.module';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';

/** Errors thrown by body-parser before any route runs (malformed JSON, body too large, ...). */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  message: string;
}

/**
 * Answers every error as RFC 9457 problem+json; only genuinely unexpected ones are 500, logged with the request id
 * and what names the error (never its message, which may quote the request).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const id = request.id ?? requestId(request, response);
    const body = { ...this.toProblem(exception), instance: request.originalUrl, requestId: String(id) };
    if (body.status === 500) {
      this.logger.error({ error: errorForLog(exception), requestId: String(id) }, 'unexpected error');
    }
    if (exception instanceof AccountLockedException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InvalidInputException) {
      return problem(400, 'invalid-input', {
        title: 'Invalid input',
        detail: 'One or more fields are missing or wrong; see errors.',
        errors: exception.fieldErrors,
      });
    }
    if (exception instanceof ProblemException) {
      return problem(exception.getStatus(), exception.slug, { detail: exception.message, ...exception.extensions });
    }
    if (exception instanceof ThrottlerException) {
      return problem(429, 'rate-limited', { detail: 'Too many requests. Slow down and try again shortly.' });
    }
    const parserError = bodyParserError(exception);
    if (parserError) return this.fromBodyParser(parserError);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    if (exception instanceof UniqueConstraintViolationException) {
      return problem(409, 'conflict', { detail: 'A record with the same unique value already exists.' });
    }
    if (exception instanceof NotFoundError) return problem(404, 'not-found', { detail: 'Not found' });
    if (isDependencyUnavailable(exception)) {
      return problem(503, 'unavailable', { detail: 'A service the API depends on is unavailable. Try again shortly.' });
    }
    return problem(500, 'internal', { detail: 'An unexpected error occurred; it has been logged.' });
  }

  private fromHttpException(exception: HttpException): ProblemDetails {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
    const checks =
      typeof response === 'object' ? (response as { details?: Record<string, unknown> }).details : undefined;
    return problem(
      status,
      slugFor(status),
      checks ? { detail: 'A dependency is down; see checks.', checks } : { detail },
    );
  }

  private fromBodyParser(error: BodyParserError): ProblemDetails {
    if (error.type === 'entity.parse.failed') {
      return problem(400, 'malformed-json', {
        title: 'Malformed JSON',
        detail: `The request body is not valid JSON: ${error.message}`,
      });
    }
    if (error.type === 'entity.too.large') {
      return problem(413, 'payload-too-large', { detail: 'The request body is larger than the server accepts.' });
    }
    return problem(error.status, slugFor(error.status), { detail: error.expose ? error.message : undefined });
  }
}

/** Nest's express adapter wraps body-parser's errors in an HttpException; the original is its cause. */
function bodyParserError(exception: unknown): BodyParserError | undefined {
  const candidate = (exception instanceof HttpException ? exception.cause : exception) as Partial<BodyParserError>;
  const isParserError =
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500;
  return isParserError ? (candidate as BodyParserError) : undefined;
}

/**
 * Error codes of a dependency that cannot be reached: the socket's (refused, reset, timed out), and PostgreSQL's
 * SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down by an administrator, crash, starting up) and
 * 53300 (too many connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** What `pg`, its pool and ioredis say when the server went away, where they give no code. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Connection is closed|timeout exceeded when trying to connect|Client has encountered a connection error)|ECONNREFUSED|ECONNRESET/;

/**
 * PostgreSQL or Redis cannot be reached (down, restarting, refusing connections): a 503, not a bug. The driver's
 * error may arrive raw (a connection refused while the pool connects) or wrapped by MikroORM, hence the causes.
 */
function isDependencyUnavailable(error: unknown): boolean {
  let current = error as (Error & { code?: unknown; cause?: unknown }) | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof ConnectionException) return true;
    if (UNAVAILABLE_CODES.has(String(current.code))) return true;
    if (current.name === 'MaxRetriesPerRequestError' || UNAVAILABLE_MESSAGES.test(current.message ?? '')) return true;
    current = current.cause as typeof current;
  }
  return false;
}

function slugFor(status: number): string {
  const slugs: Record<number, string> = {
    [HttpStatus.BAD_REQUEST]: 'bad-request',
    [HttpStatus.UNAUTHORIZED]: 'unauthorized',
    [HttpStatus.FORBIDDEN]: 'forbidden',
    [HttpStatus.NOT_FOUND]: 'not-found',
    [HttpStatus.METHOD_NOT_ALLOWED]: 'method-not-allowed',
    [HttpStatus.CONFLICT]: 'conflict',
    [HttpStatus.PRECONDITION_FAILED]: 'precondition-failed',
    [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload-too-large',
    [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported-media-type',
    [HttpStatus.UNPROCESSABLE_ENTITY]: 'unprocessable',
    [HttpStatus.TOO_MANY_REQUESTS]: 'rate-limited',
    [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
  };
  return slugs[status] ?? (status >= 500 ? 'internal' : 'client-error');
}
