import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { LIAISON_CONFIG, LiaisonValidationPipe, type LiaisonConfig } from '@liaison/platform';
import { serveWebConsole } from './web-console/serve-web-console';

/** Everything main.ts and the tests share: prefix, parsers, security headers, validation, OpenAPI, the console. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<LiaisonConfig>(LIAISON_CONFIG);
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      // the read-only board only reads; POST /v1/admin/queues/:queue/failed/... are the API's own routes
      { path: 'admin/queues/*path', method: RequestMethod.GET },
    ],
  });
  app.use(helmet());
  serveWebConsole(app);
  app.useBodyParser('json', { limit: config.http.bodyLimit, reviver: refuseNulCharacters });
  app.enableCors({ origin: config.http.corsOrigins.length ? config.http.corsOrigins : false, credentials: false });
  app.useGlobalPipes(new LiaisonValidationPipe());
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Liaison API')
    .setDescription(
      'Cross-border cooperation against human trafficking: mutual legal assistance, extradition and repatriation ' +
        'requests between agencies. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
}

/** PostgreSQL cannot store U+0000 in text or jsonb: refuse it while parsing, as the malformed input it is. */
function refuseNulCharacters(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new SyntaxError('strings must not contain the NUL character (U+0000)');
  }
  return value;
}
