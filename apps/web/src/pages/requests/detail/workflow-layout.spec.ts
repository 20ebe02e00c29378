import { describeWorkflow, REQUEST_KINDS } from '@liaison/domain';
import { layOut, targetsOf } from './workflow-layout';

describe('workflow layout', () => {
  it('puts each state in the column of its distance from the draft, rows in table order', () => {
    const { states } = layOut(describeWorkflow('mla'));
    const at = (name: string) => states.find((state) => state.name === name);
    expect(at('draft')).toMatchObject({ layer: 0, row: 0, internal: true, final: false });
    expect(at('under_review')).toMatchObject({ layer: 1, row: 0 });
    expect(at('withdrawn')).toMatchObject({ layer: 1, row: 1, final: true });
    expect(at('transmitted')).toMatchObject({ layer: 2, internal: false });
    expect(at('closed')).toMatchObject({ final: true });
    expect(states.map((state) => state.name)).toEqual(describeWorkflow('mla').states.map((state) => state.name));
  });

  it.each(REQUEST_KINDS)('%s: draws each transition once, between known states, group events apart', (kind) => {
    const workflow = describeWorkflow(kind);
    const { states, edges, groupEvents } = layOut(workflow);
    const names = new Set(states.map((state) => state.name));
    for (const edge of edges) {
      expect(names).toContain(edge.from);
      expect(names).toContain(edge.to);
    }
    const pairs = edges.map((edge) => `${edge.from}>${edge.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(groupEvents.map((event) => event.name)).toEqual(
      workflow.events.filter((event) => event.fromGroup).map((event) => event.name),
    );
    const grouped = new Set(groupEvents.map((event) => event.name));
    expect(edges.filter((edge) => grouped.has(edge.event))).toEqual([]);
    expect(new Set(states.map((state) => state.layer)).has(0)).toBe(true);
  });

  it('leads an event to its state, to each branch, or nowhere fixed', () => {
    const events = describeWorkflow('mla').events;
    const submit = events.find((event) => event.name === 'submit');
    expect(submit && targetsOf(submit)).toEqual(['under_review']);
    for (const event of events) {
      const targets = targetsOf(event);
      if (event.to.type === 'state') expect(targets).toEqual([event.to.state]);
      else if (event.to.type === 'branches') expect(targets.length).toBe(event.to.branches.length + 1);
      else expect(targets).toEqual([]);
    }
  });
});
