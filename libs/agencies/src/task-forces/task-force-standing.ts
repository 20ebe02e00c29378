import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundException } from '@nestjs/common';
import { TaskForceMemberSchema, TaskForceSchema, type TaskForce } from '@liaison/data';
import { mayViewTaskForce, type Actor, type TaskForceStanding } from '@liaison/domain';

export interface VisibleTaskForce {
  taskForce: TaskForce;
  standing: TaskForceStanding;
}

/**
 * Loads a task force the actor may see (a member, or a user of the lead agency); anything else is 404.
 * `lock` takes the task force's row lock: membership changes and links then see one consistent membership,
 * which the handling-code check depends on.
 */
export async function findVisibleTaskForce(
  em: EntityManager,
  actor: Actor,
  taskForceId: string,
  options: { lock?: boolean } = {},
): Promise<VisibleTaskForce> {
  const taskForce = await em.findOne(TaskForceSchema, taskForceId, {
    lockMode: options.lock ? LockMode.PESSIMISTIC_WRITE : undefined,
  });
  if (!taskForce) throw new NotFoundException('Task force not found');
  const membership = await em.findOne(
    TaskForceMemberSchema,
    { taskForce: taskForceId, user: actor.userId },
    { fields: ['readOnly'] },
  );
  const standing: TaskForceStanding = {
    leadAgencyId: taskForce.leadAgency.id,
    membership: membership ? { readOnly: membership.readOnly } : null,
  };
  if (!mayViewTaskForce(actor, standing)) throw new NotFoundException('Task force not found');
  return { taskForce, standing };
}
