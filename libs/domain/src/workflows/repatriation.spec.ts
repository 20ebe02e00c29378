import {
  accepted,
  attempt,
  DAY_MS,
  daysFromNow,
  isoDay,
  NOW,
  snapshotIn,
  type Attempt,
  type FactsOverrides,
} from './testing/workflow-fixtures';
import type { TimerState } from './timers';
import type { WorkflowSnapshot } from './workflow-snapshot';

const receivingOfficer = { side: 'requesting', roles: ['OFFICER'] } as const;
const receivingSupervisor = { side: 'requesting', roles: ['SUPERVISOR'] } as const;
const originOfficer = { side: 'requested', roles: ['OFFICER'] } as const;
const originSupervisor = { side: 'requested', roles: ['SUPERVISOR'] } as const;
const childFacts: FactsOverrides = { content: { victimIsChild: true } };

/** Sends events one after another, carrying the position and clocks from each decision to the next. */
function walk(facts: FactsOverrides, steps: [event: string, actor: Attempt][], from = 'draft'): WorkflowSnapshot {
  return steps.reduce(
    (snapshot, [event, actor]) => {
      const decision = accepted(attempt('repatriation', snapshot, event, actor));
      return { ...snapshot, ...decision.next, timers: decision.timers };
    },
    snapshotIn('repatriation', from, { facts }),
  );
}

describe('repatriation workflow', () => {
  describe('a child', () => {
    it('goes through family tracing and a best-interests determination before travel documents', () => {
      const snapshot = walk(childFacts, [
        ['submit', receivingOfficer],
        ['acknowledge', originOfficer],
        ['confirm_identity', originOfficer],
        ['record_assessment', { ...originOfficer, payload: { riskLevel: 'low', needsLevel: 'high' } }],
      ]);
      expect(snapshot.state).toBe('family_tracing');
      const determined = walk(
        childFacts,
        [
          ['record_family_assessment', originOfficer],
          [
            'record_best_interests',
            { ...receivingSupervisor, payload: { outcome: 'return', reasons: 'Family found suitable' } },
          ],
          ['issue_travel_documents', originOfficer],
          ['record_consent', receivingOfficer],
        ],
        snapshot.state,
      );
      expect(determined).toMatchObject({ state: 'return_scheduled', bestInterestsOutcome: 'return' });
    });

    it('is presumed when the age is unknown (CoE Convention Art. 10(3))', () => {
      const snapshot = snapshotIn('repatriation', 'risk_assessment', {
        facts: { content: { victimIsChild: undefined } },
      });
      const decision = accepted(
        attempt('repatriation', snapshot, 'record_assessment', {
          ...receivingOfficer,
          payload: { riskLevel: 'low', needsLevel: 'low' },
        }),
      );
      expect(decision.nextState).toBe('family_tracing');
    });

    it('ends in an alternative solution when return is not in their best interests', () => {
      const payload = { outcome: 'no_return', reasons: 'No safe family environment' };
      const decision = accepted(
        attempt(
          'repatriation',
          snapshotIn('repatriation', 'best_interests_determination', { facts: childFacts }),
          'record_best_interests',
          { ...receivingSupervisor, payload },
        ),
      );
      expect(decision).toMatchObject({
        nextState: 'alternative_solution',
        next: { bestInterestsOutcome: 'no_return' },
      });
    });

    it.each(['travel_documents', 'consent', 'return_scheduled'])(
      'cannot be resumed into %s without a determination in favour of return',
      (previousState) => {
        const snapshot = snapshotIn('repatriation', 'halted', {
          previousState,
          heldBySide: 'requesting',
          facts: childFacts,
        });
        const decision = attempt('repatriation', snapshot, 'resume', receivingSupervisor);
        expect(decision).toMatchObject({
          ok: false,
          reason: 'BEST_INTERESTS_REQUIRED',
          message: expect.stringContaining('CRC Art. 3'),
        });
      },
    );

    it('cannot be resumed into travel documents after a determination against return', () => {
      const snapshot = snapshotIn('repatriation', 'halted', {
        previousState: 'travel_documents',
        heldBySide: 'requesting',
        bestInterestsOutcome: 'no_return',
        facts: childFacts,
      });
      expect(attempt('repatriation', snapshot, 'resume', receivingSupervisor)).toMatchObject({
        ok: false,
        reason: 'BEST_INTERESTS_REQUIRED',
      });
    });

    it('may be resumed into travel documents after a determination in favour of return', () => {
      const snapshot = snapshotIn('repatriation', 'halted', {
        previousState: 'travel_documents',
        heldBySide: 'requesting',
        bestInterestsOutcome: 'return',
        facts: childFacts,
      });
      expect(attempt('repatriation', snapshot, 'resume', receivingSupervisor)).toMatchObject({
        ok: true,
        nextState: 'travel_documents',
      });
    });

    it('found to be a child after the assessment is stopped at the next step to return', () => {
      const snapshot = snapshotIn('repatriation', 'travel_documents', { facts: childFacts });
      expect(attempt('repatriation', snapshot, 'issue_travel_documents', originOfficer)).toMatchObject({
        ok: false,
        reason: 'BEST_INTERESTS_REQUIRED',
      });
    });
  });

  it('takes an adult at low risk straight to travel documents', () => {
    const decision = accepted(
      attempt('repatriation', snapshotIn('repatriation', 'risk_assessment'), 'record_assessment', {
        ...originOfficer,
        payload: { riskLevel: 'medium', needsLevel: 'low' },
      }),
    );
    expect(decision.nextState).toBe('travel_documents');
  });

  it('halts at high risk, even for a child, held by the side that assessed it', () => {
    const snapshot = snapshotIn('repatriation', 'risk_assessment', { facts: childFacts });
    const decision = accepted(
      attempt('repatriation', snapshot, 'record_assessment', {
        ...originOfficer,
        payload: { riskLevel: 'high', needsLevel: 'high' },
      }),
    );
    expect(decision.next).toEqual({ state: 'halted', previousState: 'risk_assessment', heldBySide: 'requested' });
  });

  describe('halt and resume', () => {
    const verifying: TimerState[] = [{ name: 'verify', status: 'running', dueAt: daysFromNow(18) }];

    it('pauses the clocks and lets only the halting side resume, with the time left', () => {
      const halted = accepted(
        attempt('repatriation', snapshotIn('repatriation', 'identity_verification', { timers: verifying }), 'halt', {
          ...originSupervisor,
          payload: { ground: 'legal_proceedings', reason: 'The victim testifies next month' },
        }),
      );
      expect(halted.next).toMatchObject({
        state: 'halted',
        previousState: 'identity_verification',
        heldBySide: 'requested',
      });
      expect(halted.timers).toEqual([{ name: 'verify', status: 'paused', remainingMs: 18 * DAY_MS }]);

      const snapshot = snapshotIn('repatriation', 'halted', { ...halted.next, timers: halted.timers });
      expect(attempt('repatriation', snapshot, 'resume', receivingSupervisor)).toMatchObject({
        ok: false,
        reason: 'WRONG_SIDE',
        message: 'Only the origin side, which halted the request, may resume it',
      });

      const later = new Date(NOW.getTime() + 40 * DAY_MS);
      const resumed = accepted(attempt('repatriation', snapshot, 'resume', { ...originSupervisor, now: later }));
      expect(resumed.next).toEqual({ state: 'identity_verification', previousState: 'halted' });
      expect(resumed.timers).toEqual([
        { name: 'verify', status: 'running', dueAt: new Date(later.getTime() + 18 * DAY_MS) },
      ]);
    });

    it('records why: safety, consent withdrawn or pending proceedings (Palermo Art. 8(2))', () => {
      const decision = attempt('repatriation', snapshotIn('repatriation', 'consent'), 'halt', {
        ...receivingSupervisor,
        payload: { ground: 'bored', reason: 'x' },
      });
      expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD', fields: [{ field: 'ground' }] });
    });

    it('cannot resume a halted request that nobody holds', () => {
      const snapshot = snapshotIn('repatriation', 'halted', { previousState: 'consent' });
      expect(attempt('repatriation', snapshot, 'resume', receivingSupervisor)).toMatchObject({
        ok: false,
        reason: 'INVALID_SNAPSHOT',
      });
    });

    it('tells the halting side supervisors they owe the resumption', () => {
      const decision = accepted(
        attempt('repatriation', snapshotIn('repatriation', 'consent'), 'halt', originSupervisor),
      );
      const owed = decision.effects.flatMap((effect) =>
        effect.type === 'notify' && effect.reason === 'decision_owed' ? [effect.recipient] : [],
      );
      expect(owed).toEqual([
        { type: 'party', side: 'requesting', role: 'SUPERVISOR' },
        { type: 'party', side: 'requested', role: 'SUPERVISOR' },
      ]);
    });
  });

  it('verifies identity within 30 days of acknowledgement by default', () => {
    const decision = accepted(
      attempt('repatriation', snapshotIn('repatriation', 'referred'), 'acknowledge', originOfficer),
    );
    expect(decision.timers).toEqual([{ name: 'verify', status: 'running', dueAt: daysFromNow(30) }]);
  });

  it('needs informed and voluntary consent (Palermo Art. 8(2))', () => {
    const decision = attempt('repatriation', snapshotIn('repatriation', 'consent'), 'record_consent', {
      ...receivingOfficer,
      payload: { informed: true },
    });
    expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'voluntary' }] });
  });

  it('follows up 3, 6 and 12 months after the return, one follow-up at a time', () => {
    const returnedOn = '2026-01-31';
    const returned = accepted(
      attempt('repatriation', snapshotIn('repatriation', 'return_scheduled'), 'confirm_return', {
        ...originOfficer,
        payload: { returnedOn, escort: 'Social worker', reception: 'Shelter of the origin NGO' },
      }),
    );
    expect(returned.timers).toEqual([
      { name: 'follow_up_3_months', status: 'running', dueAt: new Date('2026-04-30T00:00:00Z') },
      { name: 'follow_up_6_months', status: 'running', dueAt: new Date('2026-07-31T00:00:00Z') },
      { name: 'follow_up_12_months', status: 'running', dueAt: new Date('2027-01-31T00:00:00Z') },
    ]);
    const followedUp = accepted(
      attempt(
        'repatriation',
        snapshotIn('repatriation', 'reintegration', { timers: returned.timers }),
        'record_follow_up',
        originOfficer,
      ),
    );
    expect(followedUp.timers.map((timer) => timer.name)).toEqual(['follow_up_6_months', 'follow_up_12_months']);
    expect(followedUp.effects[0]).toEqual({ type: 'stop_timer', timer: 'follow_up_3_months' });
  });

  it('refuses a return dated in the future', () => {
    const decision = attempt('repatriation', snapshotIn('repatriation', 'return_scheduled'), 'confirm_return', {
      ...originOfficer,
      payload: { returnedOn: isoDay(daysFromNow(3)), escort: 'x', reception: 'y' },
    });
    expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD', fields: [{ field: 'returnedOn' }] });
  });

  it('refuses a referral that lacks the repatriation items', () => {
    const content = { consentStatus: undefined, pendingProceedings: { exist: true } };
    const snapshot = snapshotIn('repatriation', 'draft', { facts: { content } });
    const decision = attempt('repatriation', snapshot, 'submit', receivingOfficer);
    expect(!decision.ok && decision.missing?.map((item) => item.id)).toEqual(['consent_status', 'pending_proceedings']);
  });

  it('names the sides as the field does in its messages', () => {
    expect(
      attempt('repatriation', snapshotIn('repatriation', 'referred'), 'acknowledge', receivingOfficer),
    ).toMatchObject({
      message: 'Only the origin side may acknowledge, not the receiving side',
    });
  });
});
