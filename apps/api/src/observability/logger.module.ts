import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LIAISON_CONFIG, pinoOptions, type LiaisonConfig } from '@liaison/platform';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's request id is kept when it is sane, otherwise one is made; it is echoed in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Structured JSON logs (pino), one line per request, secrets and credentials redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({
        pinoHttp: {
          ...pinoOptions(config),
          genReqId: requestId,
          // Only what identifies the exchange: no headers or bodies (they can hold tokens or personal data).
          serializers: {
            req: (request: IncomingMessage & { id?: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
            res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
          },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
          autoLogging: {
            ignore: (request: IncomingMessage) => request.url === '/health' || request.url === '/metrics',
          },
          customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
            error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
  ],
})
export class LoggingModule {}
