import { describeWorkflow } from './describe-workflow';
import { findLegalBasis } from './legal-bases';
import { REQUEST_KINDS, type RequestKind } from './request-kind';
import { expandFrom, possibleTargets } from './workflow-queries';
import { workflowOf } from './workflows';

describe.each(REQUEST_KINDS)('the %s workflow', (kind: RequestKind) => {
  const workflow = workflowOf(kind);
  const transitions = Object.entries(workflow.events);

  it('describes itself as plain JSON', () => {
    const description = describeWorkflow(kind);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(description.events.map((event) => event.name)).toEqual(Object.keys(workflow.events));
  });

  it('reaches every state from the initial one', () => {
    const reached = new Set([workflow.initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [, transition] of transitions) {
        if (!expandFrom(workflow, transition.from).some((state) => reached.has(state))) continue;
        for (const target of possibleTargets(transition)) {
          if (reached.has(target)) continue;
          reached.add(target);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.keys(workflow.states).sort());
  });

  it('lets every non-final state move on, and no final state', () => {
    for (const [state, definition] of Object.entries(workflow.states)) {
      const exits = transitions.filter(([, transition]) => expandFrom(workflow, transition.from).includes(state));
      expect([state, exits.length > 0]).toEqual([state, !definition.final]);
    }
  });

  it('starts every clock somewhere, and names the source of each default', () => {
    const started = transitions.flatMap(([, transition]) => [
      ...(transition.timers?.start ?? []),
      ...(transition.timers?.restart ?? []),
    ]);
    for (const [name, timer] of Object.entries(workflow.timers)) {
      expect(started).toContain(name);
      expect(timer.source.trim()).not.toBe('');
    }
  });

  it('names the source of every refusal ground, and of what is not one', () => {
    const codes = workflow.refusalGrounds.map((ground) => ground.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const ground of [...workflow.refusalGrounds, ...workflow.notGrounds])
      expect(ground.source.trim()).not.toBe('');
  });

  it('refers only to payload fields that exist, with the right type', () => {
    for (const [event, transition] of transitions) {
      const field = (name: string) => transition.payload?.find((each) => each.name === name);
      const anchor = transition.timers?.anchor;
      if (anchor) expect([event, field(anchor)?.type]).toEqual([event, 'date']);
      const to = transition.to;
      if (typeof to === 'object' && 'branches' in to) {
        for (const { when } of to.branches) {
          if (!('payload' in when)) continue;
          const chosen = field(when.payload);
          expect([event, chosen?.type === 'choice' && chosen.options.includes(when.equals)]).toEqual([event, true]);
        }
      }
      if (transition.remember)
        expect([event, field(transition.remember.bestInterestsOutcome)?.type]).toEqual([event, 'choice']);
      for (const rule of transition.effects ?? []) {
        if (rule.type === 'reassign_requested_agency') expect(field(rule.agencyField)?.type).toBe('reference');
        else expect(workflow.refusalGrounds.map((ground) => ground.code)).toContain(rule.whenGround);
      }
    }
  });

  it('lets somebody send every event', () => {
    for (const [, transition] of transitions) expect(transition.roles.length).toBeGreaterThan(0);
  });
});

describe('workflow descriptions', () => {
  it('show an event with its sides, roles, payload and clocks', () => {
    const approve = describeWorkflow('mla').events.find((event) => event.name === 'approve');
    expect(approve).toEqual({
      name: 'approve',
      from: ['under_review'],
      to: { type: 'state', state: 'transmitted' },
      side: 'requesting',
      sideName: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [],
      guards: [],
      warnings: [],
      timers: { start: ['acknowledge'] },
      outcome: false,
      effects: [],
      destructive: false,
      source: 'UNTOC Art. 18(13)',
    });
  });

  it('mark the events that end or halt a request short of its purpose', () => {
    const destructive = (kind: RequestKind) =>
      describeWorkflow(kind)
        .events.filter((event) => event.destructive)
        .map((event) => event.name);
    expect(destructive('mla')).toEqual(['refuse', 'withdraw']);
    expect(destructive('extradition')).toEqual(['refuse', 'withdraw']);
    expect(destructive('repatriation')).toEqual(['identity_not_confirmed', 'halt', 'cancel']);
  });

  it('expand groups of states and say which group', () => {
    const withdraw = describeWorkflow('mla').events.find((event) => event.name === 'withdraw');
    expect(withdraw).toMatchObject({
      fromGroup: 'any_non_final',
      from: [
        'draft',
        'under_review',
        'transmitted',
        'received',
        'in_execution',
        'awaiting_information',
        'postponed',
        'executed',
      ],
    });
  });

  it('list where a return to the previous state can lead', () => {
    const provide = describeWorkflow('mla').events.find((event) => event.name === 'provide_information');
    expect(provide?.to).toEqual({ type: 'previous', states: ['received', 'in_execution'], groups: [] });
    const resume = describeWorkflow('repatriation').events.find((event) => event.name === 'resume');
    expect(resume?.to).toMatchObject({ type: 'previous', groups: ['any_active'] });
  });

  it('call the repatriation sides receiving and origin', () => {
    const description = describeWorkflow('repatriation');
    expect(description.sides).toEqual({ requesting: 'receiving', requested: 'origin' });
    expect(description.events.find((event) => event.name === 'record_assessment')?.sideName).toBe(
      'receiving or origin',
    );
  });

  it('show the timers under a legal basis', () => {
    const description = describeWorkflow('extradition', findLegalBasis('uk-us-2003'));
    expect(description.legalBasisId).toBe('uk-us-2003');
    expect(description.timers.find((timer) => timer.name === 'formal_request')).toMatchObject({
      duration: { days: 60 },
      source: 'UK–US Extradition Treaty 2003, Art. 12(4)',
    });
  });

  it('show the refusal grounds and what is not a ground', () => {
    const description = describeWorkflow('mla');
    expect(description.refusalGrounds.map((ground) => ground.source)).toEqual([
      'UNTOC Art. 18(21)(a)',
      'UNTOC Art. 18(21)(b)',
      'UNTOC Art. 18(21)(c)',
      'UNTOC Art. 18(21)(d)',
      'UNTOC Art. 18(9)',
    ]);
    expect(description.notGrounds.map((item) => item.source)).toEqual(['UNTOC Art. 18(8)', 'UNTOC Art. 18(22)']);
  });
});
