import { EntityManager } from '@mikro-orm/postgresql';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { NotificationsApiModule } from '@liaison/notifications';
import { prepareTestEnvironment, TEST_PASSWORD } from '@liaison/testing';
import { AppModule } from '@liaison/api/app.module';
import { configureApp } from '@liaison/api/configure-app';
import type { ApiHarness } from './api-harness';

/**
 * The real api with the notifications module (inbox, webhooks, queue board, queue gauges) as app.module will
 * import it, and the queue board outside the /v1 prefix as configure-app will mount it.
 */
export async function startNotificationsApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const environment = await prepareTestEnvironment();
  Object.assign(process.env, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, NotificationsApiModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      { path: 'admin/queues/*path', method: RequestMethod.ALL },
    ],
  });
  await app.init();
  const http = () => request(app.getHttpServer());
  return {
    app,
    environment,
    em: () => app.get(EntityManager).fork(),
    http,
    login: async (email, password = TEST_PASSWORD) => {
      const response = await http().post('/v1/auth/login').send({ email, password }).expect(200);
      return response.body.accessToken as string;
    },
    close: () => app.close(),
  };
}
