import { findLegalBasis } from './legal-bases';
import {
  accepted,
  attempt,
  DAY_MS,
  daysFromNow,
  isoDay,
  NOW,
  snapshotIn,
  validPayload,
} from './testing/workflow-fixtures';
import type { TimerState } from './timers';

const requestedSupervisor = { side: 'requested', roles: ['SUPERVISOR'] } as const;
const requestedOfficer = { side: 'requested', roles: ['OFFICER'] } as const;
const requestingOfficer = { side: 'requesting', roles: ['OFFICER'] } as const;
const running = (name: string, days: number): TimerState => ({ name, status: 'running', dueAt: daysFromNow(days) });

describe('MLA workflow', () => {
  describe('submission', () => {
    it('refuses an incomplete request and lists what is missing with its legal wording', () => {
      const content = {
        proceedingsNature: undefined,
        summaryOfFacts: undefined,
        assistanceTypes: [],
        personsConcerned: 0,
        purpose: ' ',
      };
      const snapshot = snapshotIn('mla', 'draft', { facts: { content } });
      const decision = attempt('mla', snapshot, 'submit', requestingOfficer);
      expect(decision).toMatchObject({ ok: false, reason: 'INCOMPLETE_REQUEST' });
      expect(!decision.ok && decision.missing?.map((item) => item.id)).toEqual([
        'proceedings',
        'summary_of_facts',
        'assistance_sought',
        'persons_concerned',
        'purpose',
      ]);
      expect(!decision.ok && decision.message).toContain('UNTOC Art. 18(15)(f)');
    });

    it('warns, without refusing, when the requested agency does not accept the language', () => {
      const snapshot = snapshotIn('mla', 'draft', { facts: { requestedAgencyLanguages: ['fr', 'de'] } });
      const decision = accepted(attempt('mla', snapshot, 'submit', requestingOfficer));
      expect(decision.warnings).toEqual([expect.stringContaining('fr, de')]);
    });

    it('does not tell the requested side about a request still in draft', () => {
      const decision = accepted(attempt('mla', snapshotIn('mla', 'draft'), 'submit', requestingOfficer));
      expect(decision.effects).toEqual([
        expect.objectContaining({
          type: 'notify',
          recipient: { type: 'party', side: 'requesting', role: 'SUPERVISOR' },
          reason: 'decision_owed',
        }),
      ]);
    });
  });

  describe('required payloads', () => {
    it('needs a reason to return a request for amendment', () => {
      const decision = attempt('mla', snapshotIn('mla', 'under_review'), 'return_for_amendment', {
        side: 'requesting',
        roles: ['SUPERVISOR'],
        payload: { reason: '  ' },
      });
      expect(decision).toMatchObject({
        ok: false,
        reason: 'MISSING_PAYLOAD',
        fields: [{ field: 'reason', problem: 'missing' }],
      });
    });

    it('needs at least one ground of Art. 18(21) and written reasons to refuse', () => {
      const decision = attempt('mla', snapshotIn('mla', 'received'), 'refuse', {
        ...requestedSupervisor,
        payload: { consulted: true },
      });
      expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD' });
      expect(!decision.ok && decision.fields?.map((field) => field.field)).toEqual(['grounds', 'reasons']);
    });

    it.each([['bank_secrecy'], ['fiscal_matters']])('does not accept %s as a refusal ground', (ground) => {
      const payload = { grounds: [ground], reasons: 'Secret', consulted: true };
      const decision = attempt('mla', snapshotIn('mla', 'received'), 'refuse', { ...requestedSupervisor, payload });
      expect(decision).toMatchObject({
        ok: false,
        reason: 'INVALID_PAYLOAD',
        fields: [{ field: 'grounds', problem: 'invalid' }],
      });
    });

    it('requires consultation before refusing (Art. 18(26))', () => {
      const payload = { grounds: ['essential_interests'], reasons: 'Security', consulted: false };
      const decision = attempt('mla', snapshotIn('mla', 'received'), 'refuse', { ...requestedSupervisor, payload });
      expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD', fields: [{ field: 'consulted' }] });
    });

    it.each([
      ['today', isoDay(NOW)],
      ['yesterday', isoDay(daysFromNow(-1))],
      ['an hour ago', new Date(NOW.getTime() - 3600_000).toISOString()],
    ])('refuses to postpone until %s', (_when, until) => {
      const payload = { until, reason: 'Undercover operation under way', consulted: true };
      const decision = attempt('mla', snapshotIn('mla', 'in_execution'), 'postpone', {
        ...requestedSupervisor,
        payload,
      });
      expect(decision).toMatchObject({
        ok: false,
        reason: 'INVALID_PAYLOAD',
        fields: [{ field: 'until', message: expect.stringContaining('future') }],
      });
    });

    it('postpones until a future date with a reason', () => {
      const payload = { until: isoDay(daysFromNow(30)), reason: 'Undercover operation under way', consulted: true };
      expect(
        attempt('mla', snapshotIn('mla', 'in_execution'), 'postpone', { ...requestedSupervisor, payload }),
      ).toMatchObject({
        ok: true,
        nextState: 'postponed',
      });
    });

    it('needs the results attached to complete', () => {
      const decision = attempt('mla', snapshotIn('mla', 'in_execution'), 'complete', {
        ...requestedOfficer,
        payload: { attachmentIds: [] },
      });
      expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'attachmentIds' }] });
    });
  });

  describe('clocks (Directive 2014/41/EU defaults)', () => {
    it('starts the acknowledge clock at 7 days on approval', () => {
      const decision = accepted(
        attempt('mla', snapshotIn('mla', 'under_review'), 'approve', { side: 'requesting', roles: ['SUPERVISOR'] }),
      );
      expect(decision.timers).toEqual([running('acknowledge', 7)]);
      expect(decision.effects).toContainEqual({
        type: 'start_timer',
        timer: 'acknowledge',
        dueAt: daysFromNow(7),
        source: 'Directive 2014/41/EU Art. 16(1), Annex B',
      });
    });

    it('stops it on acknowledgement and starts the 30-day decide clock', () => {
      const snapshot = snapshotIn('mla', 'transmitted', { timers: [running('acknowledge', 3)] });
      const decision = accepted(attempt('mla', snapshot, 'acknowledge', requestedOfficer));
      expect(decision.timers).toEqual([running('decide', 30)]);
      expect(decision.effects.slice(0, 2)).toEqual([
        { type: 'stop_timer', timer: 'acknowledge' },
        { type: 'start_timer', timer: 'decide', dueAt: daysFromNow(30), source: 'Directive 2014/41/EU Art. 12(3)' },
      ]);
    });

    it('stops decide and starts the 90-day execute clock on acceptance', () => {
      const snapshot = snapshotIn('mla', 'received', { timers: [running('decide', 10)] });
      expect(accepted(attempt('mla', snapshot, 'accept', requestedSupervisor)).timers).toEqual([
        running('execute', 90),
      ]);
    });

    it('pauses execute while information is awaited and resumes it with the time it had left', () => {
      const asked = accepted(
        attempt(
          'mla',
          snapshotIn('mla', 'in_execution', { timers: [running('execute', 40)] }),
          'request_information',
          requestedOfficer,
        ),
      );
      expect(asked.timers).toEqual([{ name: 'execute', status: 'paused', remainingMs: 40 * DAY_MS }]);
      expect(asked.next.previousState).toBe('in_execution');

      const later = new Date(NOW.getTime() + 25 * DAY_MS);
      const answered = accepted(
        attempt(
          'mla',
          snapshotIn('mla', 'awaiting_information', { ...asked.next, timers: asked.timers }),
          'provide_information',
          {
            ...requestingOfficer,
            now: later,
          },
        ),
      );
      expect(answered.nextState).toBe('in_execution');
      expect(answered.timers).toEqual([
        { name: 'execute', status: 'running', dueAt: new Date(later.getTime() + 40 * DAY_MS) },
      ]);
      expect(answered.effects).toContainEqual({
        type: 'resume_timer',
        timer: 'execute',
        dueAt: new Date(later.getTime() + 40 * DAY_MS),
      });
    });

    it('goes back to received when information was asked before acceptance, the decide clock still running', () => {
      const asked = accepted(
        attempt(
          'mla',
          snapshotIn('mla', 'received', { timers: [running('decide', 20)] }),
          'request_information',
          requestedOfficer,
        ),
      );
      expect(asked.timers).toEqual([running('decide', 20)]);
      const answered = accepted(
        attempt('mla', snapshotIn('mla', 'awaiting_information', asked.next), 'provide_information', requestingOfficer),
      );
      expect(answered.nextState).toBe('received');
    });

    it('refuses provide_information when the snapshot has no previous state', () => {
      const decision = attempt(
        'mla',
        snapshotIn('mla', 'awaiting_information'),
        'provide_information',
        requestingOfficer,
      );
      expect(decision).toMatchObject({ ok: false, reason: 'INVALID_SNAPSHOT' });
    });

    it('pauses the clocks while postponed; resuming starts or resumes execution', () => {
      const snapshot = snapshotIn('mla', 'received', { timers: [running('decide', 12)] });
      const payload = { ...validPayload('mla', 'postpone') };
      const postponed = accepted(attempt('mla', snapshot, 'postpone', { ...requestedSupervisor, payload }));
      expect(postponed.timers).toEqual([{ name: 'decide', status: 'paused', remainingMs: 12 * DAY_MS }]);
      const resumed = accepted(
        attempt('mla', snapshotIn('mla', 'postponed', { timers: postponed.timers }), 'resume', requestedSupervisor),
      );
      expect(resumed.timers).toEqual([running('execute', 90)]);
    });

    it('forwarding to the competent agency restarts the decide clock and reassigns the request first', () => {
      const snapshot = snapshotIn('mla', 'received', { timers: [running('decide', 5)] });
      const decision = accepted(
        attempt('mla', snapshot, 'forward', { ...requestedSupervisor, payload: { competentAgencyId: 'agency-c' } }),
      );
      expect(decision.nextState).toBe('received');
      expect(decision.timers).toEqual([running('decide', 30)]);
      expect(decision.effects.slice(0, 3)).toEqual([
        { type: 'reassign_requested_agency', agencyId: 'agency-c', source: 'Directive 2014/41/EU Art. 7(6)' },
        { type: 'stop_timer', timer: 'decide' },
        expect.objectContaining({ type: 'start_timer', timer: 'decide', dueAt: daysFromNow(30) }),
      ]);
      const told = decision.effects.filter((effect) => effect.type === 'notify').map((effect) => effect.recipient);
      expect(told).toEqual([
        { type: 'party', side: 'requesting', role: 'OFFICER' },
        { type: 'party', side: 'requested', role: 'SUPERVISOR' },
      ]);
    });

    it('caps decide and execute at the deadline the requesting side suggested (Art. 18(24))', () => {
      const snapshot = snapshotIn('mla', 'received', {
        facts: { urgency: 'urgent', suggestedDeadline: daysFromNow(20) },
      });
      const decision = accepted(attempt('mla', snapshot, 'accept', requestedSupervisor));
      expect(decision.effects).toContainEqual({
        type: 'start_timer',
        timer: 'execute',
        dueAt: daysFromNow(20),
        source: 'Deadline suggested by the requesting side (UNTOC Art. 18(24))',
      });
    });

    it('takes the figures of the legal basis', () => {
      const eio = findLegalBasis('eio');
      const decision = accepted(
        attempt('mla', snapshotIn('mla', 'received', { facts: { legalBasis: eio } }), 'accept', requestedSupervisor),
      );
      expect(decision.effects).toContainEqual(
        expect.objectContaining({ timer: 'execute', source: 'Directive 2014/41/EU Art. 12(4)' }),
      );
    });

    it('stops every clock when the request ends', () => {
      const timers = [running('execute', 30)];
      const decision = accepted(
        attempt('mla', snapshotIn('mla', 'in_execution', { timers }), 'withdraw', {
          side: 'requesting',
          roles: ['SUPERVISOR'],
        }),
      );
      expect(decision.timers).toEqual([]);
      expect(decision.effects).toContainEqual({ type: 'stop_timer', timer: 'execute' });
    });
  });

  describe('notifications', () => {
    it('tells the requesting officers, the task force and the filer of a refusal', () => {
      const snapshot = snapshotIn('mla', 'received', { facts: { taskForceLinked: true } });
      const decision = accepted(attempt('mla', snapshot, 'refuse', requestedSupervisor));
      const told = decision.effects.filter((effect) => effect.type === 'notify');
      expect(told.map(({ recipient, reason }) => ({ recipient, reason }))).toEqual([
        { recipient: { type: 'party', side: 'requesting', role: 'OFFICER' }, reason: 'counterpart' },
        { recipient: { type: 'task_force' }, reason: 'task_force' },
        { recipient: { type: 'filer' }, reason: 'outcome' },
      ]);
      expect(told[0]).toMatchObject({ kind: 'mla', event: 'refuse', from: 'received', to: 'refused' });
    });

    it('tells the requested supervisors of the decision they owe once the request is acknowledged', () => {
      const decision = accepted(attempt('mla', snapshotIn('mla', 'transmitted'), 'acknowledge', requestedOfficer));
      const told = decision.effects.filter((effect) => effect.type === 'notify').map((effect) => effect.recipient);
      expect(told).toEqual([
        { type: 'party', side: 'requesting', role: 'OFFICER' },
        { type: 'party', side: 'requested', role: 'SUPERVISOR' },
      ]);
    });

    it('keeps the withdrawal of a draft within the requesting side', () => {
      const decision = accepted(
        attempt('mla', snapshotIn('mla', 'draft'), 'withdraw', { side: 'requesting', roles: ['SUPERVISOR'] }),
      );
      expect(decision.effects).toEqual([expect.objectContaining({ recipient: { type: 'filer' } })]);
    });

    it('carries references and states only', () => {
      const decision = accepted(attempt('mla', snapshotIn('mla', 'received'), 'refuse', requestedSupervisor));
      for (const effect of decision.effects.filter((each) => each.type === 'notify')) {
        expect(Object.keys(effect).sort()).toEqual(['event', 'from', 'kind', 'reason', 'recipient', 'to', 'type']);
      }
    });
  });

  it('refuses an event that belongs to another workflow', () => {
    expect(attempt('mla', snapshotIn('mla', 'received'), 'grant', requestedSupervisor)).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_EVENT',
    });
    expect(attempt('mla', snapshotIn('mla', 'received'), 'toString', requestedSupervisor)).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_EVENT',
    });
  });

  it('refuses a snapshot in a state the workflow does not have', () => {
    expect(attempt('mla', snapshotIn('mla', 'limbo'), 'accept', requestedSupervisor)).toMatchObject({
      ok: false,
      reason: 'INVALID_SNAPSHOT',
    });
  });

  it('names the final state when a closed request receives an event', () => {
    const decision = attempt('mla', snapshotIn('mla', 'closed'), 'withdraw', {
      side: 'requesting',
      roles: ['SUPERVISOR'],
    });
    expect(decision).toMatchObject({
      ok: false,
      reason: 'WRONG_STATE',
      message: 'The request is closed: it takes no further events',
    });
  });

  it('explains a wrong side and a wrong role in words', () => {
    expect(attempt('mla', snapshotIn('mla', 'under_review'), 'approve', requestedSupervisor)).toMatchObject({
      message: 'Only the requesting side may approve, not the requested side',
    });
    expect(attempt('mla', snapshotIn('mla', 'under_review'), 'approve', requestingOfficer)).toMatchObject({
      message: 'Only a SUPERVISOR may approve',
    });
  });
});
