import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { TaskForceMemberSchema, TaskForceRequestSchema, TaskForceSchema, type Agency, type User } from '@liaison/data';

/** A task force led by `lead`, with `members` (the creator only if listed), following `requestIds`. */
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
