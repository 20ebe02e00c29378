import { TaskForceRequestSchema, UserSchema, type Agency, type Request, type User } from '@liaison/data';
import { createAgency, createRequest, createTaskForce, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

const bearer = { type: 'bearer' } as const;

/**
 * The permission to share an H2/H3 request beyond its two parties is the provider's to give: the requesting agency,
 * which wrote it and chose its handling code. Neither the receiving side nor a task force's lead may confirm it.
 */
describe('onward-sharing permission (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let nepal: Agency;
  let thailand: Agency;
  let myanmar: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    myanmar = await createAgency(em, { name: 'Myanmar Police Force', country: 'MM' });
    const people = { inSupervisor: india, inOfficer: india, npSupervisor: nepal, thSupervisor: thailand };
    for (const [name, agency] of Object.entries(people)) {
      users[name] = await createUser(em, agency, { roles: [name.endsWith('Officer') ? 'OFFICER' : 'SUPERVISOR'] });
      tokens[name] = await api.login(users[name].email);
    }
    users['mmOfficer'] = await createUser(em, myanmar, { roles: ['OFFICER'] });
  });

  afterAll(() => api.close());

  const restricted = (): Promise<Request> =>
    createRequest(api.em(), {
      requesting: india,
      requested: nepal,
      createdBy: users['inOfficer'],
      state: 'in_execution',
      handlingCode: 'H2',
    });

  const post = (who: string, path: string, body: object) => api.http().post(path).auth(tokens[who], bearer).send(body);

  it('refuses the receiving side’s confirmation and takes the providing agency’s', async () => {
    const taskForce = await createTaskForce(api.em(), await withAgency(users['npSupervisor']), {
      members: [{ user: users['inSupervisor'] }, { user: users['thSupervisor'] }],
    });
    const request = await restricted();
    const body = { requestId: request.id, handlingPermissionConfirmed: true };
    const refused = await post('npSupervisor', `/v1/task-forces/${taskForce.id}/requests`, body).expect(403);
    expect(refused.body).toMatchObject({
      type: 'https://liaison.example/problems/handling-permission-not-provider',
      providerAgencyId: india.id,
    });
    expect(await api.em().fork().count(TaskForceRequestSchema, { request: request.id })).toBe(0);
    const linked = await post('inSupervisor', `/v1/task-forces/${taskForce.id}/requests`, body).expect(201);
    expect(linked.body.handlingPermission).toBe('confirmed');
  });

  it('refuses a task-force lead’s confirmation for a request another agency provided', async () => {
    const taskForce = await createTaskForce(api.em(), await withAgency(users['thSupervisor']), {
      members: [{ user: users['inSupervisor'] }],
    });
    const request = await restricted();
    await post('inSupervisor', `/v1/task-forces/${taskForce.id}/requests`, {
      requestId: request.id,
      handlingPermissionConfirmed: true,
    }).expect(201);
    const body = { userId: users['mmOfficer'].id, handlingPermissionConfirmed: true };
    const refused = await post('thSupervisor', `/v1/task-forces/${taskForce.id}/members`, body).expect(403);
    expect(refused.body).toMatchObject({
      type: 'https://liaison.example/problems/handling-permission-not-provider',
      references: [request.reference],
    });
  });

  async function withAgency(user: User): Promise<User> {
    return api.em().findOneOrFail(UserSchema, user.id, { populate: ['agency'] });
  }
});
