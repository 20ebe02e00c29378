import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { runSql } from '@liaison/data';
import {
  ageBandOf,
  GENDERS,
  monthBoundary,
  statisticsScopeOf,
  SUPPRESSION_THRESHOLD,
  suppressCells,
  suppressCount,
  suppressNestedCells,
  type CallerContext,
  type Gender,
  type RequestKind,
  type StatisticsScope,
  type WindowEnd,
} from '@liaison/domain';
import { fieldError, InvalidInputException, LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { statisticsForbidden } from '../requests-problems';
import {
  deadlineRunsSql,
  requestCountsSql,
  timeInStateSql,
  victimCountsSql,
  type CountRow,
  type DeadlineRow,
  type StatisticsFilters,
  type TimeInStateRow,
} from './statistics.sql';
import type { StatisticsQuery } from './statistics.query';
import type {
  OverdueRate,
  RequestCounts,
  StatisticsMethod,
  StatisticsView,
  TimeInState,
  VictimCounts,
} from './statistics.view';

const METHOD: Readonly<Record<StatisticsView['scope'], StatisticsMethod>> = (() => {
  const common = {
    suppression:
      `Counts from 1 to ${SUPPRESSION_THRESHOLD - 1} are withheld (count null, suppressed true). Totals are the true ` +
      `totals (withheld under ${SUPPRESSION_THRESHOLD}); every breakdown covers its total's whole population, and ` +
      `when one of its cells is withheld, further cells (smallest first) are withheld with it until at least two ` +
      `are and they hold at least ${SUPPRESSION_THRESHOLD} together, so that a total minus the published cells ` +
      `gives only the sum of several withheld cells, never one of them. States are counted within their kind, and ` +
      `the same rule holds among the states of each kind, whose sum is that kind's count. Medians and overdue rates over fewer than ` +
      `${SUPPRESSION_THRESHOLD} stays or runs are withheld.`,
    timeInState:
      'Per kind and state, over stays that have ended: a state is entered at the event that changed into it ' +
      "(the initial state at the request's creation) and left at the next event that changed the state. Stays " +
      'still running are left out. Median and 90th percentile (linear interpolation) in seconds.',
    overdueRate:
      'Per workflow timer: overdue / ran, where ran counts the runs of the clock that have run their course ' +
      '(stopped, or gone overdue) and overdue those that passed their due time. Open runs still on time are ' +
      'left out.',
  };
  return {
    all: { scope: 'Every request on the platform (platform admins and oversight agencies).', ...common },
    agency: {
      scope:
        "Requests the caller's agency files, in any state, and those it receives once sent (not drafts or " +
        "requests under the requesting side's own review). Requests seen only through a task force are not counted.",
      ...common,
    },
  };
})();

/**
 * `GET /v1/statistics` (monitoring and evaluation, docs/domain.md): counts, times and rates over the requests in the
 * caller's scope, with small cells suppressed. Reads aggregates only, in one repeatable-read snapshot so that
 * totals and breakdowns agree; never a person's identity.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async statistics(caller: CallerContext, query: StatisticsQuery): Promise<StatisticsView> {
    const scope = statisticsScopeOf(caller.actor, this.config.audit.oversightAgencyIds);
    if (!scope) {
      throw statisticsForbidden();
    }
    const filters = toFilters(query);
    await this.recordRead(caller, scope, filters);
    const generatedAt = new Date().toISOString();
    return this.em.fork().transactional(
      async (tx) => {
        const requestRows = await runSql<CountRow>(tx, requestCountsSql(scope, filters));
        const stayRows = await runSql<TimeInStateRow>(tx, timeInStateSql(scope, filters));
        const deadlineRows = await runSql<DeadlineRow>(tx, deadlineRunsSql(scope, filters));
        const victimRows = await runSql<CountRow>(tx, victimCountsSql(scope, filters));
        return {
          scope: scope.kind,
          filters: filtersView(filters),
          suppressionThreshold: SUPPRESSION_THRESHOLD,
          method: METHOD[scope.kind],
          generatedAt,
          requests: toRequestCounts(requestRows),
          timeInState: stayRows.map(toTimeInState),
          overdueRates: deadlineRows.map(toOverdueRate),
          victims: toVictimCounts(victimRows),
        };
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
  }

  /** Who asked for which aggregates, on the caller's agency stream: repeated windows are there for an auditor to see. */
  private async recordRead(caller: CallerContext, scope: StatisticsScope, filters: StatisticsFilters): Promise<void> {
    await this.em.fork().transactional((tx) =>
      this.audit.append(tx, {
        stream: agencyStream(caller.actor.agencyId),
        action: 'statistics.read',
        subjectType: 'agency',
        subjectId: caller.actor.agencyId,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { scope: scope.kind, ...filtersView(filters) },
      }),
    );
  }
}

function filtersView(filters: StatisticsFilters): StatisticsView['filters'] {
  return {
    kind: filters.kind ?? null,
    from: filters.from?.toISOString() ?? null,
    to: filters.to?.toISOString() ?? null,
  };
}

function toFilters(query: StatisticsQuery): StatisticsFilters {
  const from = query.from === undefined ? undefined : monthBoundary(query.from, 'from');
  const to = query.to === undefined ? undefined : monthBoundary(query.to, 'to');
  const notAMonth = (field: WindowEnd) =>
    fieldError([field], `${field} must be a calendar month (YYYY-MM) or the start of one`, 'query');
  const errors = [...(from === null ? [notAMonth('from')] : []), ...(to === null ? [notAMonth('to')] : [])];
  if (errors.length > 0 || from === null || to === null) throw new InvalidInputException(errors);
  if (from && to && from.getTime() >= to.getTime()) {
    throw new InvalidInputException([fieldError(['to'], 'to must be after from', 'query')]);
  }
  return { kind: query.kind, from, to };
}

const of = (rows: CountRow[], dimension: string) => rows.filter((row) => row.dimension === dimension);

function totalOf(rows: CountRow[]) {
  return suppressCount(of(rows, 'total')[0]?.count ?? 0);
}

function toRequestCounts(rows: CountRow[]): RequestCounts {
  return {
    total: totalOf(rows),
    byKind: suppressCells(of(rows, 'kind').map(({ a, count }) => ({ kind: a as RequestKind, count }))),
    // the states of a kind add up to the kind's count in byKind: suppression holds within each kind as well
    byState: suppressNestedCells(
      of(rows, 'state').map(({ a, b, count }) => ({ kind: a as RequestKind, state: b ?? '', count })),
      (cell) => cell.kind,
    ),
    byCountryPair: suppressCells(
      of(rows, 'countryPair').map(({ a, b, count }) => ({
        requestingCountry: a ?? '',
        requestedCountry: b ?? '',
        count,
      })),
    ),
    byLegalBasis: suppressCells(of(rows, 'legalBasis').map(({ a, count }) => ({ legalBasis: a ?? '', count }))),
    byMonth: suppressCells(of(rows, 'month').map(({ a, count }) => ({ month: a ?? '', count }))),
  };
}

function toVictimCounts(rows: CountRow[]): VictimCounts {
  const gender = (value: string | null): Gender =>
    (GENDERS as readonly string[]).includes(value ?? '') ? (value as Gender) : 'unknown';
  const minor = (value: string | null) => (value === 'true' ? true : value === 'false' ? false : null);
  return {
    total: totalOf(rows),
    byGender: suppressCells(of(rows, 'gender').map(({ a, count }) => ({ gender: gender(a), count }))),
    byAgeBand: suppressCells(of(rows, 'minor').map(({ a, count }) => ({ ageBand: ageBandOf(minor(a)), count }))),
    byNationality: suppressCells(
      of(rows, 'nationality').map(({ a, count }) => ({ nationality: a ?? 'unknown', count })),
    ),
  };
}

function toTimeInState(row: TimeInStateRow): TimeInState {
  const stays = suppressCount(row.stays);
  return stays.suppressed
    ? { kind: row.kind, state: row.state, stays: null, medianSeconds: null, p90Seconds: null, suppressed: true }
    : {
        kind: row.kind,
        state: row.state,
        stays: stays.count,
        medianSeconds: Math.round(Number(row.median_seconds)),
        p90Seconds: Math.round(Number(row.p90_seconds)),
        suppressed: false,
      };
}

function toOverdueRate(row: DeadlineRow): OverdueRate {
  const ran = suppressCount(row.ran);
  return ran.suppressed
    ? { deadlineKind: row.kind, ran: null, overdue: null, rate: null, suppressed: true }
    : {
        deadlineKind: row.kind,
        ran: ran.count,
        overdue: row.overdue,
        rate: Math.round((row.overdue / row.ran) * 10_000) / 10_000,
        suppressed: false,
      };
}
