import { internalStates, REQUEST_KINDS, type RequestKind } from '@liaison/domain';
import type { SearchCursor, SearchSort } from './search-cursor';

/** Who searches: their agency's requests and those linked to task forces they belong to are in scope. */
export interface SearchScope {
  agencyId: string;
  userId: string;
}

export interface SearchFilters {
  kind?: RequestKind;
  states?: string[];
  /** Relative to the caller's agency; absent: both, and task-force requests. */
  direction?: 'incoming' | 'outgoing';
  counterpartCountry?: string;
  legalBasis?: string;
  overdue?: boolean;
  taskForceId?: string;
  /** Text in the reference or the title, case-insensitive. */
  q?: string;
}

export interface SearchPage {
  sort: SearchSort;
  limit: number;
  after?: SearchCursor;
}

export interface SearchSql {
  sql: string;
  params: unknown[];
}

/** A row of the search, before presentation. */
export interface SearchRow {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  title: string;
  legal_basis: string;
  urgency: string;
  handling_code: string;
  overdue: boolean;
  next_due_at: Date | null;
  version: number;
  created_at: Date;
  last_activity_at: Date;
  relation: 'requesting' | 'requested' | 'task_force';
  cursor_key: string;
  requesting_agency_id: string;
  requesting_agency_name: string;
  requesting_agency_country: string;
  requested_agency_id: string;
  requested_agency_name: string;
  requested_agency_country: string;
}

const SORT_COLUMNS: Readonly<Record<SearchSort, string>> = {
  lastActivityAt: 'last_activity_at',
  createdAt: 'created_at',
};

/** A piece of SQL with its `?` parameters, in order. */
interface Fragment {
  sql: string;
  params: unknown[];
}

const fragment = (sql: string, ...params: unknown[]): Fragment => ({ sql, params });

/** The earliest running legal clock of the request (one index probe per row of the merged page). */
const NEXT_DUE_AT = `(select min(d.due_at) from deadline d where d.request_id = r.id and d.stopped_at is null and d.status = 'pending')`;

/**
 * The search as SQL, shared by the API and the benchmark. Each way a request can be visible is its own branch
 * (outgoing, incoming, through a task force), ordered and limited on its own: the first two walk the
 * `(agency, sort key desc, id desc)` indexes and stop after `limit + 1` rows, keyset-paginated with a row
 * comparison (no OFFSET). The union is merged, ordered and limited again; only then are agency names joined.
 */
export function buildSearchSql(scope: SearchScope, filters: SearchFilters, page: SearchPage): SearchSql {
  const branches = visibilityBranches(scope, filters).map((branch) => branchQuery(branch, filters, page));
  const column = SORT_COLUMNS[page.sort];
  const union = branches.map((branch) => `(${branch.sql})`).join(' union all ');
  const sql =
    `select r.*, ${NEXT_DUE_AT} as next_due_at, ` +
    `ra.name as requesting_agency_name, ra.country as requesting_agency_country, ` +
    `rd.name as requested_agency_name, rd.country as requested_agency_country ` +
    `from (${union}) r ` +
    `join agency ra on ra.id = r.requesting_agency_id ` +
    `join agency rd on rd.id = r.requested_agency_id ` +
    `order by r.${column} desc, r.id desc limit ?`;
  return { sql, params: [...branches.flatMap((branch) => branch.params), page.limit + 1] };
}

interface Branch {
  /** How the caller stands to the rows of this branch, as SQL. */
  relation: Fragment;
  scope: Fragment;
}

const literalRelation = (relation: SearchRow['relation']): Fragment => fragment(`'${relation}'`);

function visibilityBranches(scope: SearchScope, filters: SearchFilters): Branch[] {
  if (filters.taskForceId) return [taskForceBoardBranch(scope, filters)];
  const branches: Branch[] = [];
  if (filters.direction !== 'incoming') {
    branches.push({
      relation: literalRelation('requesting'),
      scope: and(
        fragment('r.requesting_agency_id = ?', scope.agencyId),
        counterpartIn('r.requested_agency_id', filters.counterpartCountry),
      ),
    });
  }
  if (filters.direction !== 'outgoing') {
    branches.push({
      relation: literalRelation('requested'),
      scope: and(
        fragment('r.requested_agency_id = ? and r.requesting_agency_id <> ?', scope.agencyId, scope.agencyId),
        sentOut(),
        counterpartIn('r.requesting_agency_id', filters.counterpartCountry),
      ),
    });
  }
  if (!filters.direction) branches.push(memberTaskForcesBranch(scope, filters.counterpartCountry));
  return branches;
}

/** Requests of other agencies, seen only because the caller is a member of a task force they are linked to. */
function memberTaskForcesBranch(scope: SearchScope, counterpartCountry: string | undefined): Branch {
  return {
    relation: literalRelation('task_force'),
    scope: and(
      fragment(
        'r.id in (select tfr.request_id from task_force_request tfr ' +
          'join task_force_member m on m.task_force_id = tfr.task_force_id where m.user_id = ?) ' +
          'and r.requesting_agency_id <> ? and r.requested_agency_id <> ?',
        scope.userId,
        scope.agencyId,
        scope.agencyId,
      ),
      sentOut(),
      eitherPartyIn(counterpartCountry),
    ),
  };
}

/**
 * One task force's requests: driven by the link table (a board is small next to an agency's requests), visible
 * when the caller is a member (a one-time check) or their agency is a party.
 */
function taskForceBoardBranch(scope: SearchScope, filters: SearchFilters): Branch {
  const { taskForceId, direction } = filters;
  const linked = fragment('r.id in (select request_id from task_force_request where task_force_id = ?)', taskForceId);
  const requesting = fragment('r.requesting_agency_id = ?', scope.agencyId);
  const counterpart = (who: Fragment): Fragment => {
    const visible = and(who, sentOut());
    return { sql: `(${visible.sql})`, params: visible.params };
  };
  const party =
    direction === 'incoming'
      ? counterpart(fragment('r.requested_agency_id = ?', scope.agencyId))
      : direction === 'outgoing'
        ? requesting
        : or(
            requesting,
            counterpart(
              fragment(
                '(r.requested_agency_id = ? or exists ' +
                  '(select 1 from task_force_member where task_force_id = ? and user_id = ?))',
                scope.agencyId,
                taskForceId,
                scope.userId,
              ),
            ),
          );
  const relation = fragment(
    `case when r.requesting_agency_id = ? then 'requesting' when r.requested_agency_id = ? then 'requested' ` +
      `else 'task_force' end`,
    scope.agencyId,
    scope.agencyId,
  );
  return { relation, scope: and(linked, party, eitherPartyIn(filters.counterpartCountry)) };
}

function branchQuery(branch: Branch, filters: SearchFilters, page: SearchPage): Fragment {
  const column = SORT_COLUMNS[page.sort];
  const where = and(
    branch.scope,
    filters.kind ? fragment('r.kind = ?', filters.kind) : undefined,
    filters.states?.length
      ? fragment(`r.state in (${filters.states.map(() => '?').join(', ')})`, ...filters.states)
      : undefined,
    filters.legalBasis ? fragment('r.legal_basis = ?', filters.legalBasis) : undefined,
    filters.overdue === undefined ? undefined : fragment(filters.overdue ? 'r.overdue' : 'not r.overdue'),
    filters.q ? textMatch(filters.q) : undefined,
    page.after ? fragment(`(r.${column}, r.id) < (?::timestamptz, ?::uuid)`, page.after.key, page.after.id) : undefined,
  ) as Fragment;
  return {
    sql:
      `select r.id, r.reference, r.kind, r.state, r.title, r.legal_basis, r.urgency, r.handling_code, r.overdue, ` +
      `r.version, r.created_at, r.last_activity_at, r.requesting_agency_id, r.requested_agency_id, ` +
      `${branch.relation.sql} as relation, ` +
      `to_char(r.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key ` +
      `from request r where ${where.sql} order by r.${column} desc, r.id desc limit ?`,
    params: [...branch.relation.params, ...where.params, page.limit + 1],
  };
}

/** Matches the trigram indexes on reference and title; the caller's `%` and `_` are literal. */
function textMatch(q: string): Fragment {
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return fragment('(r.reference ilike ? or r.title ilike ?)', pattern, pattern);
}

/**
 * Leaves out requests still internal to their requesting side (a draft, one under review): nobody but that side
 * sees them, the same rule as `RequestAccess`.
 */
function sentOut(): Fragment {
  const pairs = REQUEST_KINDS.flatMap((kind) => internalStates(kind).map((state) => [kind, state]));
  return fragment(`(r.kind, r.state) not in (${pairs.map(() => '(?, ?)').join(', ')})`, ...pairs.flat());
}

/** Outside the caller's own requests the counterpart is either party. */
function eitherPartyIn(country: string | undefined): Fragment | undefined {
  if (!country) return undefined;
  return fragment(
    '(r.requesting_agency_id in (select id from agency where country = ?) or ' +
      'r.requested_agency_id in (select id from agency where country = ?))',
    country,
    country,
  );
}

function counterpartIn(column: string, country: string | undefined): Fragment | undefined {
  return country ? fragment(`${column} in (select id from agency where country = ?)`, country) : undefined;
}

function or(...parts: Fragment[]): Fragment {
  return { sql: `(${parts.map((part) => part.sql).join(' or ')})`, params: parts.flatMap((part) => part.params) };
}

function and(...parts: (Fragment | undefined)[]): Fragment {
  const present = parts.filter((part): part is Fragment => part !== undefined);
  return { sql: present.map((part) => part.sql).join(' and '), params: present.flatMap((part) => part.params) };
}
