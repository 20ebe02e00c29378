import { join, list, raw, sql, type Sql, sentOutSql } from '@liaison/data';
import type { RequestKind } from '@liaison/domain';
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

const SORT_COLUMNS: Readonly<Record<SearchSort, Sql>> = {
  lastActivityAt: raw('last_activity_at'),
  createdAt: raw('created_at'),
};

/** The earliest running legal clock of the request (one index probe per row of the merged page). */
const NEXT_DUE_AT = sql`(select min(d.due_at) from deadline d where d.request_id = r.id and d.stopped_at is null and d.status = 'pending')`;

/**
 * The search as SQL, shared by the API and the benchmark. Each way a request can be visible is its own branch
 * (outgoing, incoming, through a task force), ordered and limited on its own: the first two walk the
 * `(agency, sort key desc, id desc)` indexes and stop after `limit + 1` rows, keyset-paginated with a row
 * comparison (no OFFSET). The union is merged, ordered and limited again; only then are agency names joined.
 */
export function buildSearchSql(scope: SearchScope, filters: SearchFilters, page: SearchPage): Sql {
  const branches = visibilityBranches(scope, filters).map((branch) => sql`(${branchQuery(branch, filters, page)})`);
  const column = SORT_COLUMNS[page.sort];
  return sql`select r.*, ${NEXT_DUE_AT} as next_due_at, ra.name as requesting_agency_name, ra.country as requesting_agency_country, rd.name as requested_agency_name, rd.country as requested_agency_country
from (${join(branches, '\nunion all\n')}) r
join agency ra on ra.id = r.requesting_agency_id
join agency rd on rd.id = r.requested_agency_id
order by r.${column} desc, r.id desc limit ${page.limit + 1}`;
}

interface Branch {
  /** How the caller stands to the rows of this branch, as SQL. */
  relation: Sql;
  scope: Sql;
}

const literalRelation = (relation: SearchRow['relation']): Sql => raw(`'${relation}'`);

function visibilityBranches(scope: SearchScope, filters: SearchFilters): Branch[] {
  if (filters.taskForceId) return [taskForceBoardBranch(scope, filters)];
  const branches: Branch[] = [];
  if (filters.direction !== 'incoming') {
    branches.push({
      relation: literalRelation('requesting'),
      scope: and(
        sql`r.requesting_agency_id = ${scope.agencyId}`,
        counterpartIn(raw('r.requested_agency_id'), filters.counterpartCountry),
      ),
    });
  }
  if (filters.direction !== 'outgoing') {
    branches.push({
      relation: literalRelation('requested'),
      scope: and(
        sql`r.requested_agency_id = ${scope.agencyId} and r.requesting_agency_id <> ${scope.agencyId}`,
        sentOutSql(),
        counterpartIn(raw('r.requesting_agency_id'), filters.counterpartCountry),
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
      sql`r.id in (select tfr.request_id from task_force_request tfr join task_force_member m on m.task_force_id = tfr.task_force_id where m.user_id = ${scope.userId}) and r.requesting_agency_id <> ${scope.agencyId} and r.requested_agency_id <> ${scope.agencyId}`,
      sentOutSql(),
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
  const linked = sql`r.id in (select request_id from task_force_request where task_force_id = ${taskForceId ?? null})`;
  const requesting = sql`r.requesting_agency_id = ${scope.agencyId}`;
  const counterpart = (who: Sql): Sql => sql`(${and(who, sentOutSql())})`;
  const party =
    direction === 'incoming'
      ? counterpart(sql`r.requested_agency_id = ${scope.agencyId}`)
      : direction === 'outgoing'
        ? requesting
        : or(
            requesting,
            counterpart(
              sql`(r.requested_agency_id = ${scope.agencyId} or exists (select 1 from task_force_member where task_force_id = ${taskForceId ?? null} and user_id = ${scope.userId}))`,
            ),
          );
  const relation = sql`case when r.requesting_agency_id = ${scope.agencyId} then 'requesting' when r.requested_agency_id = ${scope.agencyId} then 'requested' else 'task_force' end`;
  return { relation, scope: and(linked, party, eitherPartyIn(filters.counterpartCountry)) };
}

function branchQuery(branch: Branch, filters: SearchFilters, page: SearchPage): Sql {
  const column = SORT_COLUMNS[page.sort];
  const where = and(
    branch.scope,
    filters.kind ? sql`r.kind = ${filters.kind}` : undefined,
    filters.states?.length ? sql`r.state in (${list(filters.states)})` : undefined,
    filters.legalBasis ? sql`r.legal_basis = ${filters.legalBasis}` : undefined,
    filters.overdue === undefined ? undefined : raw(filters.overdue ? 'r.overdue' : 'not r.overdue'),
    filters.q ? textMatch(filters.q) : undefined,
    page.after ? sql`(r.${column}, r.id) < (${page.after.key}::timestamptz, ${page.after.id}::uuid)` : undefined,
  );
  return sql`select r.id, r.reference, r.kind, r.state, r.title, r.legal_basis, r.urgency, r.handling_code, r.overdue, r.version, r.created_at, r.last_activity_at, r.requesting_agency_id, r.requested_agency_id, ${branch.relation} as relation, to_char(r.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key
from request r
where ${where}
order by r.${column} desc, r.id desc limit ${page.limit + 1}`;
}

/** Matches the trigram indexes on reference and title; the caller's `%` and `_` are literal. */
function textMatch(q: string): Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql`(r.reference ilike ${pattern} or r.title ilike ${pattern})`;
}

/** Outside the caller's own requests the counterpart is either party. */
function eitherPartyIn(country: string | undefined): Sql | undefined {
  if (!country) return undefined;
  return sql`(r.requesting_agency_id in (select id from agency where country = ${country}) or r.requested_agency_id in (select id from agency where country = ${country}))`;
}

function counterpartIn(column: Sql, country: string | undefined): Sql | undefined {
  return country ? sql`${column} in (select id from agency where country = ${country})` : undefined;
}

function or(...parts: Sql[]): Sql {
  return sql`(${join(parts, ' or ')})`;
}

function and(...parts: (Sql | undefined)[]): Sql {
  return join(
    parts.filter((part): part is Sql => part !== undefined),
    ' and ',
  );
}
