import { describeWorkflow } from '@liaison/domain';
import { stateTone } from './state-tone';

describe('stateTone', () => {
  it('colours the MLA states by meaning', () => {
    const mla = describeWorkflow('mla');
    const tones = Object.fromEntries(mla.states.map((state) => [state.name, stateTone(mla, state.name)]));
    expect(tones).toEqual({
      draft: 'draft',
      under_review: 'waiting',
      transmitted: 'waiting',
      received: 'active',
      in_execution: 'active',
      awaiting_information: 'waiting',
      postponed: 'waiting',
      executed: 'active',
      closed: 'done',
      refused: 'ended',
      withdrawn: 'ended',
    });
  });

  it('tells a halted or cancelled repatriation from a finished one', () => {
    const repatriation = describeWorkflow('repatriation');
    expect(stateTone(repatriation, 'halted')).toBe('waiting');
    expect(stateTone(repatriation, 'cancelled')).toBe('ended');
    expect(stateTone(repatriation, 'closed')).toBe('done');
  });
});
