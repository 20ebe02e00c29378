import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** A joint task force: officers of several agencies (and read-only NGO liaison members) around a case. */
export const TaskForceSchema = defineEntity({
  name: 'TaskForce',
  tableName: 'task_force',
  properties: {
    ...identified(),
    name: p.string().length(200),
    description: p.text().nullable(),
    leadAgency: () => p.manyToOne(AgencySchema),
    createdBy: () => p.manyToOne(UserSchema),
  },
});

export type TaskForce = InferEntity<typeof TaskForceSchema>;

export const TaskForceMemberSchema = defineEntity({
  name: 'TaskForceMember',
  tableName: 'task_force_member',
  properties: {
    id: p.uuid().primary(),
    taskForce: () => p.manyToOne(TaskForceSchema),
    user: () => p.manyToOne(UserSchema).index(),
    /** NGO liaison members follow the board but change nothing. */
    readOnly: p.boolean().default(false),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['taskForce', 'user'] }],
});

export type TaskForceMember = InferEntity<typeof TaskForceMemberSchema>;
