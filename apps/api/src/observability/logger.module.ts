import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { LIAISON_CONFIG, pinoOptions, type LiaisonConfig } from '@liaison/platform';
import { redactedUrl } from './log-redaction';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's request id is kept when it is sane, otherwise one is made; it is echoed in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * One line per request: what identifies the exchange and nothing a caller sent. No headers (tokens, cookies), no
 * bodies, and the query's values redacted (search terms, names); the request id ties the line to the answer.
 */
export function requestLogOptions(config: LiaisonConfig): Options {
  return {
    ...pinoOptions(config),
    genReqId: requestId,
    serializers: {
      req: (request: { id?: string; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        url: redactedUrl(request.url ?? ''),
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
  };
}

/** Structured JSON logs (pino), one line per request, secrets, credentials and input left out. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({ pinoHttp: requestLogOptions(config) }),
    }),
  ],
})
export class LoggingModule {}
