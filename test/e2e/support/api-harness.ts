import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** Where uploads are stored: a temporary folder of this harness unless `ATTACHMENTS_DIR` was given. */
  attachmentsDir: string;
  /** A fresh EntityManager for arranging data and checking effects. */
  em: () => EntityManager;
  http: () => ReturnType<typeof request>;
  login: (email: string, password?: string) => Promise<string>;
  /** Stops the api and starts it again on the same database, Redis prefix and attachments, with `env` applied. */
  restart: (env?: Record<string, string>) => Promise<void>;
  close: () => Promise<void>;
}

/** For suites that send more requests than the per-minute rate limit allows. */
export const UNTHROTTLED = { RATE_LIMIT_PER_MINUTE: '100000' } as const;

export const bearer = { type: 'bearer' } as const;

export const PROBLEM = /^application\/problem\+json/;

/**
 * The real api application (the app module, as main.ts boots it: every feature module, real PostgreSQL and Redis)
 * on this worker's database, with `env` applied before it reads its configuration.
 */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const environment = await prepareTestEnvironment();
  const ownFolder = env['ATTACHMENTS_DIR'] ? null : mkdtempSync(join(tmpdir(), 'liaison-attachments-'));
  Object.assign(process.env, ownFolder ? { ATTACHMENTS_DIR: ownFolder } : {}, env);
  const harness: ApiHarness = {
    app: await bootApi(),
    environment,
    attachmentsDir: ownFolder ?? env['ATTACHMENTS_DIR'],
    em: () => harness.app.get(EntityManager).fork(),
    http: () => request(harness.app.getHttpServer()),
    login: async (email, password = TEST_PASSWORD) => {
      const response = await harness.http().post('/v1/auth/login').send({ email, password }).expect(200);
      return response.body.accessToken as string;
    },
    restart: async (restartEnv = {}) => {
      await harness.app.close();
      Object.assign(process.env, restartEnv);
      harness.app = await bootApi();
    },
    close: async () => {
      await harness.app.close();
      if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
    },
  };
  return harness;
}

async function bootApi(): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  await app.init();
  return app;
}
