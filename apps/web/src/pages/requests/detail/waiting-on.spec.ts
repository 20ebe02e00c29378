import { describeWorkflow } from '@liaison/domain';
import type { HistoryEntry, Me, RequestView } from '../../../api/types';
import { waitingOn } from './waiting-on';

const cbi = { id: 'a-cbi', name: 'Central Bureau of Investigation', country: 'IN' };
const nepal = { id: 'a-np', name: 'Nepal Police', country: 'NP' };

const request = (overrides: Partial<RequestView>): RequestView =>
  ({
    id: 'r1',
    kind: 'mla',
    state: 'under_review',
    version: 2,
    requestingAgency: cbi,
    requestedAgency: nepal,
    relation: 'requesting',
    allowedEvents: [],
    timers: [],
    ...overrides,
  }) as RequestView;
const me = (roles: Me['roles'], agency = cbi): Me => ({ roles, agency }) as unknown as Me;
const mla = describeWorkflow('mla');

describe('waitingOn', () => {
  it('tells the officer who submitted that the request waits for her supervisor', () => {
    const waiting = waitingOn(mla, request({ allowedEvents: ['withdraw'] }), me(['OFFICER']));
    expect(waiting.parties).toEqual([
      { side: 'requesting', agency: cbi, steps: [{ role: 'SUPERVISOR', events: ['approve', 'return_for_amendment'] }] },
    ]);
    expect(waiting.viewer).toEqual({
      type: 'role',
      steps: [{ role: 'SUPERVISOR', events: ['approve', 'return_for_amendment'] }],
    });
  });

  it("tells the requested officer what she may do and that accepting or refusing is her supervisor's", () => {
    const waiting = waitingOn(
      mla,
      request({ state: 'received', relation: 'requested', allowedEvents: ['request_information'] }),
      me(['OFFICER'], nepal),
    );
    expect(waiting.viewer).toEqual({
      type: 'acts',
      events: ['request_information'],
      othersOfSide: [{ role: 'SUPERVISOR', events: ['accept', 'forward', 'postpone', 'refuse'] }],
    });
  });

  it('tells the requesting side that the other agency must act first, and by when', () => {
    const waiting = waitingOn(
      mla,
      request({
        state: 'transmitted',
        timers: [{ name: 'acknowledge', status: 'running', dueAt: '2027-01-10T00:00:00.000Z', remainingMs: 1 }],
      }),
      me(['OFFICER', 'SUPERVISOR']),
    );
    expect(waiting.viewer).toEqual({
      type: 'other_side',
      agency: nepal,
      steps: [{ role: 'OFFICER', events: ['acknowledge'] }],
    });
    expect(waiting.due).toMatchObject({ timer: 'acknowledge', dueAt: '2027-01-10T00:00:00.000Z' });
  });

  it('waits on the side that halted a repatriation to resume it', () => {
    const halted = request({ kind: 'repatriation', state: 'halted', relation: 'requested' });
    const history = [{ event: 'halt', to: 'halted', actorAgencyId: nepal.id, version: 5 } as HistoryEntry];
    const waiting = waitingOn(describeWorkflow('repatriation'), halted, me(['OFFICER'], nepal), history);
    expect(waiting.parties.find((party) => party.side === 'requested')?.steps).toEqual([
      { role: 'SUPERVISOR', events: ['resume'] },
    ]);
  });

  it('expects nothing of auditors, nor of anyone once final', () => {
    expect(waitingOn(mla, request({}), me(['AUDITOR'])).viewer).toEqual({ type: 'none' });
    expect(waitingOn(mla, request({ state: 'closed' }), me(['OFFICER']))).toMatchObject({
      final: true,
      parties: [],
      viewer: { type: 'none' },
    });
  });
});
