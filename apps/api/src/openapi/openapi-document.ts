import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { applyGlobalPrefix } from '../global-prefix';
import { createOpenApiDocument } from './openapi-config';

/**
 * The document `/docs-json` serves, without a server: Nest's preview mode scans the modules' controllers and
 * decorators but instantiates no provider, so neither PostgreSQL nor Redis is needed.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  try {
    applyGlobalPrefix(app);
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
