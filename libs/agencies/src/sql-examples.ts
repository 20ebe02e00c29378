import { EXAMPLE_IDS, EXAMPLE_TIME, type SqlExample } from '@liaison/data';
import { agenciesSql, boardSql } from './task-forces/board/board.sql';
import {
  linkedRequestCountSql,
  linkedRequestsSql,
  memberAgenciesSql,
  taskForceSummariesSql,
} from './task-forces/task-forces.sql';

const { agency, counterpart, user, request, taskForce } = EXAMPLE_IDS;
const viewer = { agencyId: agency, userId: user };
const scope = { taskForceId: taskForce, viewer, now: EXAMPLE_TIME };
const after = { state: 'in_execution', key: '2026-11-23T13:14:15.123456Z', id: request };

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'board', statement: boardSql(scope, { rows: 26 }) },
  { name: 'board-of-agency', statement: boardSql({ ...scope, agencyId: counterpart }, { rows: 26 }) },
  { name: 'board-column-page', statement: boardSql(scope, { state: 'in_execution', after, rows: 26 }) },
  { name: 'board-of-kind', statement: boardSql({ ...scope, kind: 'mla' }, { rows: 26 }) },
  { name: 'board-agencies', statement: agenciesSql([agency, counterpart]) },
  { name: 'member-agencies', statement: memberAgenciesSql(taskForce) },
  { name: 'linked-requests', statement: linkedRequestsSql(taskForce) },
  { name: 'linked-request-count', statement: linkedRequestCountSql(taskForce, viewer) },
  { name: 'task-force-summaries', statement: taskForceSummariesSql({ userId: user, agencyId: agency }, { limit: 50 }) },
  {
    name: 'task-force-summaries-next-page',
    statement: taskForceSummariesSql({ userId: user, agencyId: agency }, { cursor: taskForce, limit: 50 }),
  },
];
