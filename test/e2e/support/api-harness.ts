import { EntityManager } from '@mikro-orm/postgresql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { prepareTestEnvironment, TEST_PASSWORD, type TestEnvironment } from '@liaison/testing';
import { AppModule } from '@liaison/api/app.module';
import { configureApp } from '@liaison/api/configure-app';

export interface ApiHarness {
  app: NestExpressApplication;
  environment: TestEnvironment;
  /** A fresh EntityManager for arranging data and checking effects. */
  em: () => EntityManager;
  http: () => ReturnType<typeof request>;
  login: (email: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The real api application (all modules, real PostgreSQL and Redis) on this worker's database. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const environment = await prepareTestEnvironment();
  Object.assign(process.env, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
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
