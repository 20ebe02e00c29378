import { findLegalBasis } from './legal-bases';
import { MLA_WORKFLOW } from './definitions/mla';
import { DAY_MS, daysFromNow, factsFor, NOW } from './testing/workflow-fixtures';
import { changeClocks, resolveDeadline, timeRemaining, type TimerState } from './timers';

const setting = { workflow: MLA_WORKFLOW, facts: factsFor('mla'), now: NOW, anchor: NOW, final: false };
const running = (name: string, days: number): TimerState => ({ name, status: 'running', dueAt: daysFromNow(days) });

describe('clocks', () => {
  it('starts a clock from its anchor', () => {
    const anchor = daysFromNow(-5);
    expect(changeClocks([], { start: ['decide'] }, { ...setting, anchor }).timers).toEqual([running('decide', 25)]);
  });

  it('leaves a clock that is already running or paused when asked to start it', () => {
    const paused: TimerState = { name: 'execute', status: 'paused', remainingMs: DAY_MS };
    const change = changeClocks([running('decide', 3), paused], { start: ['decide', 'execute'] }, setting);
    expect(change).toEqual({ timers: [running('decide', 3), paused], effects: [] });
  });

  it('restarts a clock afresh', () => {
    const change = changeClocks([running('decide', 3)], { restart: ['decide'] }, setting);
    expect(change.timers).toEqual([running('decide', 30)]);
    expect(change.effects.map((effect) => effect.type)).toEqual(['stop_timer', 'start_timer']);
  });

  it('stops only clocks that exist', () => {
    expect(changeClocks([], { stop: ['decide'] }, setting).effects).toEqual([]);
  });

  it('pauses with the time remaining and resumes from then', () => {
    const paused = changeClocks([running('execute', 10)], { pause: ['execute'] }, setting);
    expect(paused.effects).toEqual([{ type: 'pause_timer', timer: 'execute', remainingMs: 10 * DAY_MS }]);
    const later = daysFromNow(100);
    const resumed = changeClocks(paused.timers, { resume: ['execute'] }, { ...setting, now: later });
    expect(resumed.timers).toEqual([
      { name: 'execute', status: 'running', dueAt: new Date(later.getTime() + 10 * DAY_MS) },
    ]);
  });

  it('keeps an overdue clock overdue across a pause', () => {
    const paused = changeClocks([running('execute', -2)], { pause: 'all' }, setting);
    expect(paused.timers).toEqual([{ name: 'execute', status: 'paused', remainingMs: -2 * DAY_MS }]);
    expect(timeRemaining(paused.timers[0], daysFromNow(50))).toBe(-2 * DAY_MS);
  });

  it('ignores pausing a paused clock and resuming a running one', () => {
    const timers: TimerState[] = [running('decide', 4), { name: 'execute', status: 'paused', remainingMs: 5 }];
    expect(changeClocks(timers, { pause: ['execute'], resume: ['decide'] }, setting).effects).toEqual([]);
  });

  it('stops every clock on entering a final state, whatever the actions say', () => {
    const change = changeClocks(
      [running('decide', 4), running('execute', 9)],
      { start: ['acknowledge'] },
      { ...setting, final: true },
    );
    expect(change).toEqual({
      timers: [],
      effects: [
        { type: 'stop_timer', timer: 'decide' },
        { type: 'stop_timer', timer: 'execute' },
      ],
    });
  });

  it('tells the time remaining of a running clock', () => {
    expect(timeRemaining(running('decide', 2), NOW)).toBe(2 * DAY_MS);
  });

  describe('deadlines per legal basis', () => {
    it('uses the workflow default without a legal basis', () => {
      expect(resolveDeadline(MLA_WORKFLOW, 'decide', {})).toEqual({
        duration: { days: 30 },
        source: 'Directive 2014/41/EU Art. 12(3)',
      });
    });

    it('uses the default when the legal basis sets no figure of its own', () => {
      expect(resolveDeadline(MLA_WORKFLOW, 'execute', { legalBasis: findLegalBasis('untoc') })).toEqual({
        duration: { days: 90 },
        source: 'Directive 2014/41/EU Art. 12(4)',
      });
    });

    it("uses the legal basis's own figure and source", () => {
      const treaty = {
        id: 'a-b-mla-treaty',
        name: 'Treaty on mutual legal assistance between A and B',
        instrument: 'Bilateral treaty, 2019',
        kinds: ['mla' as const],
        deadlines: { mla: { acknowledge: { days: 14, source: 'A–B MLA Treaty, Art. 9(2)' } } },
      };
      const change = changeClocks(
        [],
        { start: ['acknowledge'] },
        { ...setting, facts: factsFor('mla', { legalBasis: treaty }) },
      );
      expect(change.effects).toEqual([
        { type: 'start_timer', timer: 'acknowledge', dueAt: daysFromNow(14), source: 'A–B MLA Treaty, Art. 9(2)' },
      ]);
    });
  });
});
