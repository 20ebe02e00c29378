import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { LIAISON_CONFIG, LiaisonValidationPipe, type LiaisonConfig } from '@liaison/platform';
import { applyGlobalPrefix } from './global-prefix';
import { createOpenApiDocument } from './openapi/openapi-config';
import { serveWebConsole } from './web-console/serve-web-console';

/** Everything main.ts and the tests share: prefix, parsers, security headers, validation, OpenAPI, the console. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<LiaisonConfig>(LIAISON_CONFIG);
  app.useLogger(app.get(Logger));
  applyGlobalPrefix(app);
  app.use(helmet());
  app.use('/v1', noStore);
  serveWebConsole(app);
  app.useBodyParser('json', { limit: config.http.bodyLimit, reviver: refuseNulCharacters });
  app.enableCors({ origin: config.http.corsOrigins.length ? config.http.corsOrigins : false, credentials: false });
  app.useGlobalPipes(new LiaisonValidationPipe());
  // a list Express compiles, or a hop count; none believes no X-Forwarded-For at all
  app.set(
    'trust proxy',
    typeof config.http.trustProxy === 'number' ? config.http.trustProxy : [...config.http.trustProxy],
  );
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}

/**
 * Every API answer is the caller's own (what a token may see) and many carry personal data: no browser, proxy or
 * shared cache keeps any of them. `If-Match` works on the ETag alone.
 */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** PostgreSQL cannot store U+0000 in text or jsonb: refuse it while parsing, as the malformed input it is. */
function refuseNulCharacters(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new SyntaxError('strings must not contain the NUL character (U+0000)');
  }
  return value;
}
