import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RequestSchema } from './request.entity';
import { TaskForceSchema } from './task-force.entity';
import { UserSchema } from './user.entity';

/** A request followed by a task force: its members may then see it. */
export const TaskForceRequestSchema = defineEntity({
  name: 'TaskForceRequest',
  tableName: 'task_force_request',
  properties: {
    id: p.uuid().primary(),
    taskForce: () => p.manyToOne(TaskForceSchema),
    request: () => p.manyToOne(RequestSchema).index(),
    linkedBy: () => p.manyToOne(UserSchema),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['taskForce', 'request'] }],
});

export type TaskForceRequest = InferEntity<typeof TaskForceRequestSchema>;
