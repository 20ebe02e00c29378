import { findLegalBasis } from './legal-bases';
import { accepted, attempt, DAY_MS, daysFromNow, isoDay, NOW, snapshotIn } from './testing/workflow-fixtures';
import type { TimerState } from './timers';

const requestingSupervisor = { side: 'requesting', roles: ['SUPERVISOR'] } as const;
const requestedSupervisor = { side: 'requested', roles: ['SUPERVISOR'] } as const;
const requestedOfficer = { side: 'requested', roles: ['OFFICER'] } as const;
const running = (name: string, dueAt: Date): TimerState => ({ name, status: 'running', dueAt });
const arrest = (arrestedOn: string) => ({ ...requestedOfficer, payload: { arrestedOn } });

describe('extradition workflow', () => {
  describe('provisional arrest', () => {
    it('is only for urgent requests (UNTOC Art. 16(9))', () => {
      const decision = attempt(
        'extradition',
        snapshotIn('extradition', 'draft'),
        'request_provisional_arrest',
        requestingSupervisor,
      );
      expect(decision).toMatchObject({ ok: false, reason: 'NOT_URGENT', message: expect.stringContaining('16(9)') });
    });

    it('needs the warrant', () => {
      const snapshot = snapshotIn('extradition', 'draft', { facts: { urgency: 'urgent' } });
      const decision = attempt('extradition', snapshot, 'request_provisional_arrest', {
        ...requestingSupervisor,
        payload: {},
      });
      expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'warrantReference' }] });
    });

    it('runs the 40-day formal request clock and the 60-day decision clock from the day of arrest', () => {
      const arrestedOn = daysFromNow(-3);
      const decision = accepted(
        attempt(
          'extradition',
          snapshotIn('extradition', 'provisional_arrest_requested'),
          'report_arrest',
          arrest(isoDay(arrestedOn)),
        ),
      );
      const day = new Date(`${isoDay(arrestedOn)}T00:00:00Z`).getTime();
      expect(decision.timers).toEqual([
        running('formal_request', new Date(day + 40 * DAY_MS)),
        running('decide', new Date(day + 60 * DAY_MS)),
      ]);
      expect(decision.effects).toContainEqual(
        expect.objectContaining({
          timer: 'formal_request',
          source: 'European Convention on Extradition 1957, Art. 16(4)',
        }),
      );
    });

    it('refuses an arrest dated in the future', () => {
      const decision = attempt(
        'extradition',
        snapshotIn('extradition', 'provisional_arrest_requested'),
        'report_arrest',
        arrest(isoDay(daysFromNow(2))),
      );
      expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD', fields: [{ field: 'arrestedOn' }] });
    });

    it.each([
      ['ece-1957', 40, 'European Convention on Extradition 1957, Art. 16(4)'],
      ['uk-us-2003', 60, 'UK–US Extradition Treaty 2003, Art. 12(4)'],
    ])('takes the formal request window of the %s legal basis: %i days', (id, days, source) => {
      const snapshot = snapshotIn('extradition', 'provisional_arrest_requested', {
        facts: { legalBasis: findLegalBasis(id) },
      });
      const decision = accepted(attempt('extradition', snapshot, 'report_arrest', arrest(isoDay(NOW))));
      expect(decision.effects).toContainEqual({
        type: 'start_timer',
        timer: 'formal_request',
        dueAt: new Date(Date.parse(`${isoDay(NOW)}T00:00:00Z`) + days * DAY_MS),
        source,
      });
    });

    it('stops the formal request clock when the formal request arrives, the decision clock still running', () => {
      const timers = [running('formal_request', daysFromNow(20)), running('decide', daysFromNow(40))];
      const decision = accepted(
        attempt(
          'extradition',
          snapshotIn('extradition', 'person_in_custody', { timers }),
          'transmit_formal_request',
          requestingSupervisor,
        ),
      );
      expect(decision.timers).toEqual([running('decide', daysFromNow(40))]);
    });

    it('checks completeness when the formal request is transmitted', () => {
      const content = {
        personSoughtIdentified: false,
        warrantOrJudgmentReference: undefined,
        offenceLegalText: undefined,
        penalty: '',
      };
      const snapshot = snapshotIn('extradition', 'person_in_custody', { facts: { content } });
      const decision = attempt('extradition', snapshot, 'transmit_formal_request', requestingSupervisor);
      expect(decision).toMatchObject({ ok: false, reason: 'INCOMPLETE_REQUEST' });
      expect(!decision.ok && decision.missing?.map((item) => item.id)).toEqual([
        'person_sought',
        'warrant_or_judgment',
        'offence_legal_text',
        'penalty',
      ]);
    });

    it('keeps the decision clock from the arrest when the case reaches court', () => {
      const timers = [running('decide', daysFromNow(33))];
      const decision = accepted(
        attempt('extradition', snapshotIn('extradition', 'received', { timers }), 'refer_to_court', requestedOfficer),
      );
      expect(decision.timers).toEqual(timers);
      expect(decision.effects.some((effect) => effect.type === 'start_timer')).toBe(false);
    });
  });

  it('starts the decision clock on referral to court when there was no provisional arrest', () => {
    const decision = accepted(
      attempt('extradition', snapshotIn('extradition', 'received'), 'refer_to_court', requestedOfficer),
    );
    expect(decision.timers).toEqual([running('decide', daysFromNow(60))]);
  });

  it('replaces the decision clock with 10 days from consent (FD 2002/584/JHA Art. 17(2))', () => {
    const timers = [running('decide', daysFromNow(50))];
    const payload = { consentedOn: isoDay(NOW) };
    const decision = accepted(
      attempt('extradition', snapshotIn('extradition', 'judicial_proceedings', { timers }), 'record_consent', {
        ...requestedOfficer,
        payload,
      }),
    );
    expect(decision.timers).toEqual([
      running('decide_after_consent', new Date(Date.parse(`${isoDay(NOW)}T00:00:00Z`) + 10 * DAY_MS)),
    ]);
  });

  it('refuses when the court finds the person not extraditable, with reasons, and stops the clocks', () => {
    const timers = [running('decide', daysFromNow(50))];
    const snapshot = snapshotIn('extradition', 'judicial_proceedings', { timers });
    const withoutReasons = attempt('extradition', snapshot, 'record_court_decision', {
      ...requestedOfficer,
      payload: { decision: 'not_extraditable' },
    });
    expect(withoutReasons).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'reasons' }] });
    const payload = { decision: 'not_extraditable', reasons: 'Lapse of time under domestic law' };
    const decision = accepted(
      attempt('extradition', snapshot, 'record_court_decision', { ...requestedOfficer, payload }),
    );
    expect(decision).toMatchObject({ nextState: 'refused', timers: [] });
  });

  it('refuses an unknown court decision', () => {
    const payload = { decision: 'maybe', reasons: 'Unsure' };
    const decision = attempt(
      'extradition',
      snapshotIn('extradition', 'judicial_proceedings'),
      'record_court_decision',
      { ...requestedOfficer, payload },
    );
    expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' });
  });

  describe('executive decision', () => {
    it('needs the assurances in writing, both ways', () => {
      for (const [state, event, actor] of [
        ['executive_decision', 'request_assurances', requestedSupervisor],
        ['awaiting_assurances', 'provide_assurances', requestingSupervisor],
      ] as const) {
        const decision = attempt('extradition', snapshotIn('extradition', state), event, { ...actor, payload: {} });
        expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'assurances' }] });
      }
    });

    it('grants with a date and place of surrender and starts the 10-day surrender clock', () => {
      const snapshot = snapshotIn('extradition', 'executive_decision', {
        timers: [running('decide_after_consent', daysFromNow(4))],
      });
      const missing = attempt('extradition', snapshot, 'grant', { ...requestedSupervisor, payload: {} });
      expect(!missing.ok && missing.fields?.map((field) => field.field)).toEqual(['surrenderDate', 'surrenderPlace']);
      const payload = { surrenderDate: isoDay(daysFromNow(5)), surrenderPlace: 'Border crossing point 4' };
      const decision = accepted(attempt('extradition', snapshot, 'grant', { ...requestedSupervisor, payload }));
      expect(decision.timers).toEqual([running('surrender', daysFromNow(10))]);
      expect(decision.effects).toContainEqual(
        expect.objectContaining({ timer: 'surrender', source: 'Framework Decision 2002/584/JHA Art. 23(2)' }),
      );
    });

    it('needs grounds, reasons and consultation to refuse (UNTOC Art. 16(16))', () => {
      const decision = attempt('extradition', snapshotIn('extradition', 'executive_decision'), 'refuse', {
        ...requestedSupervisor,
        payload: {},
      });
      expect(!decision.ok && decision.fields?.map((field) => field.field)).toEqual(['grounds', 'reasons', 'consulted']);
    });

    it('does not take fiscal matters as a ground (UNTOC Art. 16(15))', () => {
      const payload = { grounds: ['fiscal_matters'], reasons: 'Tax', consulted: true };
      const decision = attempt('extradition', snapshotIn('extradition', 'executive_decision'), 'refuse', {
        ...requestedSupervisor,
        payload,
      });
      expect(decision).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' });
    });

    it('offers a domestic prosecution when refusing for nationality (aut dedere aut judicare, 16(10))', () => {
      const payload = { grounds: ['nationality'], reasons: 'The person is our national', consulted: true };
      const decision = accepted(
        attempt('extradition', snapshotIn('extradition', 'executive_decision'), 'refuse', {
          ...requestedSupervisor,
          payload,
        }),
      );
      expect(decision.effects.at(-1)).toEqual({ type: 'offer_domestic_prosecution', source: 'UNTOC Art. 16(10)' });
    });

    it('offers no domestic prosecution for other grounds', () => {
      const payload = { grounds: ['lapse_of_time'], reasons: 'Time-barred', consulted: true };
      const decision = accepted(
        attempt('extradition', snapshotIn('extradition', 'executive_decision'), 'refuse', {
          ...requestedSupervisor,
          payload,
        }),
      );
      expect(decision.effects.some((effect) => effect.type === 'offer_domestic_prosecution')).toBe(false);
    });
  });

  it('notifies both supervisors while the person is in custody: one owes the formal request, the other the release', () => {
    const decision = accepted(
      attempt(
        'extradition',
        snapshotIn('extradition', 'provisional_arrest_requested'),
        'report_arrest',
        arrest(isoDay(NOW)),
      ),
    );
    const owed = decision.effects.filter((effect) => effect.type === 'notify' && effect.reason === 'decision_owed');
    expect(owed.map((effect) => effect.type === 'notify' && effect.recipient)).toEqual([
      { type: 'party', side: 'requesting', role: 'SUPERVISOR' },
      { type: 'party', side: 'requested', role: 'SUPERVISOR' },
    ]);
  });

  it('closes with the rule of speciality noted', () => {
    const decision = attempt('extradition', snapshotIn('extradition', 'surrendered'), 'close', {
      side: 'requesting',
      roles: ['OFFICER'],
      payload: {},
    });
    expect(decision).toMatchObject({ ok: false, reason: 'MISSING_PAYLOAD', fields: [{ field: 'specialityNoted' }] });
  });
});
