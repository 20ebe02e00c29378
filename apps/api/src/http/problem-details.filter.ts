import { HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter, Catch } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { NotFoundError, UniqueConstraintViolationException, DriverException } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { AccountLockedException } from '@liaison/auth';
import { InvalidInputException, ProblemException } from '@liaison/platform';
import { requestId } from '../observability/logger.module';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';

/** Errors thrown by body-parser before any route runs (malformed JSON, body too large, ...). */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  message: string;
}

/** Answers every error as RFC 9457 problem+json; only genuinely unexpected ones are 500 (and logged). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const id = request.id ?? requestId(request, response);
    const body = { ...this.toProblem(exception), instance: request.originalUrl, requestId: String(id) };
    if (body.status === 500) this.logger.error({ err: exception, requestId: request.id }, 'unexpected error');
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

/** PostgreSQL or Redis cannot be reached (down, restarting, refusing connections): a 503, not a bug. */
function isDependencyUnavailable(error: unknown): boolean {
  if (error instanceof DriverException) {
    return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001'].includes(
      String(error.code),
    );
  }
  const name = (error as Error | undefined)?.name;
  const message = (error as Error | undefined)?.message ?? '';
  return name === 'MaxRetriesPerRequestError' || message === 'Connection is closed.' || /ECONNREFUSED/.test(message);
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
