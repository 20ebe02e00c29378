import { ROLES, type Role } from '../../access/role';
import type { Payload } from '../payload';
import type { RequestKind } from '../request-kind';
import { otherSide, type Side } from '../side';
import { stateNames, eventNames } from '../workflow-queries';
import { workflowOf } from '../workflows';
import { attempt, snapshotIn, validPayload, type FactsOverrides } from './workflow-fixtures';

/** "Back to the previous state": the row lists the states the request may have been in. */
export interface PreviousTarget {
  previous: readonly string[];
}

/** One outcome of a conditional row, with what makes it happen. */
export interface Variant {
  to: string;
  payload?: Payload;
  facts?: FactsOverrides;
}

/** One row of a table in docs/domain.md, written out independently of the definitions. */
export interface Row {
  event: string;
  from: readonly string[];
  side: Side | 'either' | 'holding';
  roles: readonly Role[];
  to: string | PreviousTarget | readonly Variant[];
  facts?: FactsOverrides;
}

const variantsOf = (row: Row, from: string): Variant[] => {
  if (typeof row.to === 'string') return [{ to: row.to }];
  if ('previous' in row.to) return row.to.previous.filter((state) => state !== from).map((state) => ({ to: state }));
  return [...row.to];
};

const sidesOf = (row: Row): Side[] =>
  row.side === 'either' ? ['requesting', 'requested'] : [row.side === 'holding' ? 'requesting' : row.side];

/**
 * Checks every row: accepted for each allowed side and role from each of its states (and each conditional
 * outcome), and refused for the other side, for every other role, and from every other state.
 */
export function checkTable(kind: RequestKind, rows: readonly Row[]): void {
  const workflow = workflowOf(kind);

  it('covers every event of the workflow exactly once', () => {
    expect(rows.map((row) => row.event).sort()).toEqual(eventNames(workflow).sort());
  });

  describe.each(rows.map((row) => [row.event, row] as const))('%s', (event, row) => {
    const snapshot = (from: string, variant?: Variant) =>
      snapshotIn(kind, from, {
        previousState: typeof row.to === 'object' && 'previous' in row.to ? undefined : 'draft',
        heldBySide: 'requesting',
        facts: { ...row.facts, ...variant?.facts },
      });
    const payload = (variant?: Variant) => ({ ...validPayload(kind, event), ...variant?.payload });

    const accepted = row.from.flatMap((from) =>
      variantsOf(row, from).flatMap((variant) =>
        sidesOf(row).flatMap((side) => row.roles.map((role) => [from, variant.to, side, role, variant] as const)),
      ),
    );
    it.each(accepted)('is accepted from %s to %s for the %s %s', (from, to, side, role, variant) => {
      const base = snapshot(from, variant);
      const previousState = typeof row.to === 'object' && 'previous' in row.to ? to : base.previousState;
      const decision = attempt(kind, { ...base, previousState }, event, {
        side,
        roles: [role],
        payload: payload(variant),
      });
      expect(decision).toMatchObject({ ok: true, from, nextState: to });
    });

    if (row.side !== 'either') {
      const wrongSide = otherSide(sidesOf(row)[0]);
      it.each(row.from)(`is refused from %s for the ${wrongSide} side`, (from) => {
        const decision = attempt(kind, withPrevious(snapshot(from), row), event, {
          side: wrongSide,
          roles: row.roles,
          payload: payload(),
        });
        expect(decision).toMatchObject({ ok: false, reason: 'WRONG_SIDE' });
      });
    }

    const otherRoles = ROLES.filter((role) => !row.roles.includes(role));
    it.each(otherRoles)('is refused for a %s', (role) => {
      const decision = attempt(kind, withPrevious(snapshot(row.from[0]), row), event, {
        side: sidesOf(row)[0],
        roles: [role],
        payload: payload(),
      });
      expect(decision).toMatchObject({ ok: false, reason: 'WRONG_ROLE' });
    });

    const otherStates = stateNames(workflow).filter((state) => !row.from.includes(state));
    if (otherStates.length > 0) {
      it.each(otherStates)('is refused in %s', (state) => {
        const decision = attempt(kind, snapshot(state), event, {
          side: sidesOf(row)[0],
          roles: row.roles,
          payload: payload(),
        });
        expect(decision).toMatchObject({ ok: false, reason: 'WRONG_STATE' });
      });
    }
  });
}

function withPrevious<T extends { previousState?: string }>(snapshot: T, row: Row): T {
  return typeof row.to === 'object' && 'previous' in row.to
    ? { ...snapshot, previousState: row.to.previous[0] }
    : snapshot;
}
