import { describeWorkflow } from './describe-workflow';
import { nextSteps, statesWaitingOn } from './next-steps';

const mla = describeWorkflow('mla');
const repatriation = describeWorkflow('repatriation');

describe('nextSteps', () => {
  it('waits on the requesting supervisor after submission', () => {
    expect(nextSteps(mla, 'under_review')).toEqual([
      { side: 'requesting', role: 'SUPERVISOR', events: ['approve', 'return_for_amendment'] },
    ]);
  });

  it('puts accepting and refusing with the requested supervisor, and leaves the officer the question', () => {
    expect(nextSteps(mla, 'received')).toEqual([
      {
        side: 'requested',
        role: 'SUPERVISOR',
        events: ['accept', 'forward', 'request_information', 'postpone', 'refuse'],
      },
      { side: 'requested', role: 'OFFICER', events: ['request_information'] },
    ]);
  });

  it('does not count withdraw, cancel or halt, which are open from any state', () => {
    const events = nextSteps(repatriation, 'travel_documents').flatMap((step) => step.events);
    expect(events).toEqual(['issue_travel_documents']);
  });

  it("waits on the receiving supervisor for a child's best-interests determination", () => {
    expect(nextSteps(repatriation, 'best_interests_determination')).toEqual([
      { side: 'requesting', role: 'SUPERVISOR', events: ['record_best_interests', 'choose_alternative'] },
    ]);
  });

  it('waits on either side where either may act, and on the halting side to resume', () => {
    expect(nextSteps(repatriation, 'risk_assessment').map((step) => step.side)).toEqual(
      expect.arrayContaining(['requesting', 'requested']),
    );
    expect(nextSteps(repatriation, 'halted', 'requested')).toEqual([
      { side: 'requesting', role: 'SUPERVISOR', events: ['choose_alternative'] },
      { side: 'requested', role: 'SUPERVISOR', events: ['resume'] },
    ]);
  });

  it('waits on nobody in a final state', () => {
    expect(nextSteps(mla, 'closed')).toEqual([]);
  });
});

describe('statesWaitingOn', () => {
  it('lists where the requested officer is expected to act', () => {
    expect(statesWaitingOn(mla, 'requested', 'OFFICER')).toEqual({
      always: ['transmitted', 'received', 'in_execution'],
      whenHolding: [],
    });
  });

  it('lists where the requesting supervisor is expected to act', () => {
    expect(statesWaitingOn(mla, 'requesting', 'SUPERVISOR').always).toEqual(['under_review']);
  });

  it('waits on the supervisor of a halted repatriation only on the side that halted it', () => {
    expect(statesWaitingOn(repatriation, 'requested', 'SUPERVISOR').whenHolding).toEqual(['halted']);
    expect(statesWaitingOn(repatriation, 'requesting', 'SUPERVISOR').always).toContain('halted');
  });
});
