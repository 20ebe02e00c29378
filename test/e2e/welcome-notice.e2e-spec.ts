import type { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { InboxItemSchema, type Agency } from '@liaison/data';
import { NOTIFICATIONS_QUEUE } from '@liaison/notifications';
import { createAgency, createUser, eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { startWorker } from './support/worker-harness';

/** The queue round trip: api queues a job on Redis, the worker's processor writes its effect to PostgreSQL. */
describe('welcome notice through the worker (e2e)', () => {
  let api: ApiHarness;
  let worker: TestingModule;
  let agency: Agency;
  let adminToken: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    agency = await createAgency(api.em(), {
      name: 'Department of Social Welfare',
      country: 'MM',
      type: 'SOCIAL_SERVICES',
    });
    adminToken = await api.login((await createUser(api.em(), agency, { roles: ['ADMIN'] })).email);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it("puts a welcome notice in a new user's inbox", async () => {
    const created = await api
      .http()
      .post(`/v1/agencies/${agency.id}/users`)
      .auth(adminToken, { type: 'bearer' })
      .send({
        email: 'case.worker@dsw.example',
        displayName: 'Case Worker',
        roles: ['OFFICER'],
      })
      .expect(201);

    const items = await eventually(async () => {
      const found = await api.em().find(InboxItemSchema, { recipient: created.body.id });
      expect(found).toHaveLength(1);
      return found;
    });
    expect(items[0]).toMatchObject({ kind: 'welcome', title: 'Welcome to Liaison', readAt: null, link: '/v1/me' });
    expect(items[0].body).toContain('Department of Social Welfare (MM)');
    expect(items[0].body).toContain('OFFICER');
  });

  it('writes the notice once even when the job runs again', async () => {
    const user = await createUser(api.em(), agency, { roles: ['AUDITOR'] });
    const queue = api.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    // two jobs for the same user under different ids: both run, the inbox keeps one entry
    await queue.add('welcome', { userId: user.id }, { jobId: `welcome-${user.id}` });
    const second = await queue.add('welcome', { userId: user.id }, { jobId: `welcome-again-${user.id}` });
    await eventually(async () => expect(await second.isCompleted()).toBe(true));
    expect(await api.em().count(InboxItemSchema, { recipient: user.id })).toBe(1);
  });
});
