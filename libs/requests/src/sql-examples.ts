import { EXAMPLE_IDS, EXAMPLE_TIME, type SqlExample } from '@liaison/data';
import type { StatisticsScope } from '@liaison/domain';
import { linkedTaskForceMemberSql, lockRequestSql } from './access/request-access.sql';
import { nextReferenceSql } from './drafts/reference-numbers.sql';
import { unsealedRequestsSql } from './encryption/request-sealing.sql';
import {
  expiredPersonsSql,
  expiredRequestsSql,
  requestPastRetentionSql,
} from './persons/retention/expired-persons.sql';
import { buildSearchSql, type SearchPage } from './search/search.sql';
import { workStates } from './work/work-states';
import { myWorkSql } from './work/my-work.sql';
import { deadlineRunsSql, requestCountsSql, timeInStateSql, victimCountsSql } from './statistics/statistics.sql';

const { agency, user, request, taskForce } = EXAMPLE_IDS;
const searcher = { agencyId: agency, userId: user };
const firstPage: SearchPage = { sort: 'lastActivityAt', limit: 50 };
const nextPage: SearchPage = {
  sort: 'createdAt',
  limit: 20,
  after: { sort: 'createdAt', key: '2026-11-23T13:14:15.123456Z', id: request },
};
const agencyScope: StatisticsScope = { kind: 'agency', agencyId: agency };
const period = { from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2027-01-01T00:00:00.000Z') };

// EXPLAIN is enough for the searches (their plans are what matters; the e2e suites run them)
const search = (name: string, statement: SqlExample['statement']): SqlExample => ({
  name,
  statement,
  check: 'explain',
});

export const SQL_EXAMPLES: SqlExample[] = [
  search('search-all-branches', buildSearchSql(searcher, {}, firstPage)),
  search('search-outgoing', buildSearchSql(searcher, { direction: 'outgoing' }, firstPage)),
  search(
    'search-incoming-from-country',
    buildSearchSql(searcher, { direction: 'incoming', counterpartCountry: 'TH' }, firstPage),
  ),
  search(
    'search-every-filter-next-page',
    buildSearchSql(
      searcher,
      {
        kind: 'mla',
        states: ['submitted', 'in_execution'],
        counterpartCountry: 'TH',
        legalBasis: 'untoc',
        overdue: true,
        q: '100%',
      },
      nextPage,
    ),
  ),
  search('search-task-force', buildSearchSql(searcher, { taskForceId: taskForce }, firstPage)),
  search(
    'search-task-force-incoming',
    buildSearchSql(searcher, { taskForceId: taskForce, direction: 'incoming', overdue: false }, firstPage),
  ),
  search(
    'my-work',
    myWorkSql({ agencyId: agency, userId: user, draftState: 'draft' }, workStates(['OFFICER', 'SUPERVISOR']), 200),
  ),
  { name: 'statistics-request-counts-all', statement: requestCountsSql({ kind: 'all' }, {}) },
  { name: 'statistics-request-counts', statement: requestCountsSql(agencyScope, { kind: 'mla', ...period }) },
  { name: 'statistics-victim-counts', statement: victimCountsSql(agencyScope, period) },
  { name: 'statistics-time-in-state', statement: timeInStateSql(agencyScope, period) },
  { name: 'statistics-deadline-runs', statement: deadlineRunsSql(agencyScope, period) },
  { name: 'expired-persons', statement: expiredPersonsSql(EXAMPLE_TIME, 200) },
  { name: 'expired-requests', statement: expiredRequestsSql(EXAMPLE_TIME, 200) },
  { name: 'unsealed-requests', statement: unsealedRequestsSql(50) },
  { name: 'request-past-retention', statement: requestPastRetentionSql(request, EXAMPLE_TIME) },
  { name: 'next-reference', statement: nextReferenceSql('mla', 2026) },
  { name: 'linked-task-force-member', statement: linkedTaskForceMemberSql(request, user) },
  { name: 'lock-request', statement: lockRequestSql(request, false) },
  { name: 'lock-request-waiting', statement: lockRequestSql(request, true) },
];
