import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { uuidv7 } from 'uuidv7';
import { TaskForceMemberSchema, TaskForceRequestSchema, TaskForceSchema, type Agency, type User } from '@liaison/data';
import { RequestsModule } from '@liaison/requests';
import { prepareTestEnvironment, TEST_PASSWORD } from '@liaison/testing';
import { AppModule } from '@liaison/api/app.module';
import { configureApp } from '@liaison/api/configure-app';
import type { ApiHarness } from './support/api-harness';

export interface RequestsApi extends ApiHarness {
  attachmentsDir: string;
}

/**
 * The real api application with the requests module (imported here as well until the app module imports it:
 * Nest loads a module once however often it is imported), attachments in a temporary folder.
 */
export async function startRequestsApi(env: Record<string, string> = {}): Promise<RequestsApi> {
  const environment = await prepareTestEnvironment();
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'liaison-attachments-'));
  Object.assign(process.env, { ATTACHMENTS_DIR: attachmentsDir, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, RequestsModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  await app.init();
  const http = () => request(app.getHttpServer());
  return {
    app,
    environment,
    attachmentsDir,
    em: () => app.get(EntityManager).fork(),
    http,
    login: async (email, password = TEST_PASSWORD) => {
      const response = await http().post('/v1/auth/login').send({ email, password }).expect(200);
      return response.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** A task force led by `lead`, with `members`, following `requestIds`. */
export async function createTaskForce(
  em: EntityManager,
  lead: { agency: Agency; creator: User },
  members: User[],
  requestIds: string[],
): Promise<string> {
  const taskForce = em.create(TaskForceSchema, {
    name: `JTF ${uuidv7()}`,
    leadAgency: lead.agency,
    createdBy: lead.creator,
  });
  for (const user of members) {
    em.create(TaskForceMemberSchema, { id: uuidv7(), taskForce, user, readOnly: false, createdAt: new Date() });
  }
  for (const requestId of requestIds) {
    em.create(TaskForceRequestSchema, {
      id: uuidv7(),
      taskForce,
      request: requestId,
      linkedBy: lead.creator,
      createdAt: new Date(),
    });
  }
  await em.flush();
  return taskForce.id;
}

export const bearer = { type: 'bearer' } as const;

export const PROBLEM = /^application\/problem\+json/;
