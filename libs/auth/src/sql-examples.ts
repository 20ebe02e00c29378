import { EXAMPLE_IDS, type SqlExample } from '@liaison/data';
import { liveSessionSql } from './sessions/live-session.sql';
import { stepUpStateSql } from './step-up/step-up.sql';
import { signedInUserSql } from './strategies/signed-in-user.sql';

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'signed-in-user', statement: signedInUserSql(EXAMPLE_IDS.user) },
  { name: 'live-session', statement: liveSessionSql(EXAMPLE_IDS.user, EXAMPLE_IDS.fresh) },
  { name: 'step-up-state', statement: stepUpStateSql(EXAMPLE_IDS.user, EXAMPLE_IDS.fresh) },
];
