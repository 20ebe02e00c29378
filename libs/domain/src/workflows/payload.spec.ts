import {
  checkPayload,
  choice,
  choices,
  confirmation,
  date,
  parsePayloadDate,
  reference,
  references,
  text,
} from './payload';

const now = new Date('2026-03-02T09:00:00Z');

describe('payload checks', () => {
  it('reports missing required fields and skips missing optional ones', () => {
    const fields = [text('reason', 'The reason'), text('note', 'A note', true)];
    expect(checkPayload(fields, {}, now)).toEqual([
      { field: 'reason', problem: 'missing', message: 'The reason is required' },
    ]);
  });

  it.each([
    [text('t', 'T'), 42],
    [reference('r', 'R'), { id: 1 }],
    [references('rs', 'Rs'), ['a', '']],
    [confirmation('c', 'C'), 'yes'],
    [confirmation('c', 'C'), false],
    [choice('ch', 'Ch', ['a', 'b']), 'c'],
    [choices('chs', 'Chs', ['a', 'b']), ['a', 'c']],
    [choices('chs', 'Chs', ['a', 'b']), 'a'],
    [date('d', 'D'), '2026-02-30'],
    [date('d', 'D'), '02/03/2026'],
    [date('d', 'D'), '2026-03-02T10:00'],
  ])('finds %p invalid for %p', (field, value) => {
    expect(checkPayload([field], { [field.name]: value }, now)).toMatchObject([
      { field: field.name, problem: 'invalid' },
    ]);
  });

  it.each([
    ['future', '2026-03-03', true],
    ['future', '2026-03-02', false],
    ['future', '2026-03-02T09:00:01Z', true],
    ['future', '2026-03-02T11:00:00+03:00', false],
    ['not_future', '2026-03-02', true],
    ['not_future', '2026-03-03', false],
    ['not_future', '2026-03-02T09:00:01Z', false],
    ['not_past', '2026-03-02', true],
    ['not_past', '2026-03-01', false],
  ] as const)('checks %s for %s: %p', (when, value, fits) => {
    expect(checkPayload([date('d', 'The date', when)], { d: value }, now)).toHaveLength(fits ? 0 : 1);
  });

  it('parses dates, date-times and Date objects', () => {
    expect(parsePayloadDate('2026-03-02')).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(parsePayloadDate('2026-03-02T10:00:00+01:00')).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(parsePayloadDate(now)).toBe(now);
    expect(parsePayloadDate(new Date('nope'))).toBeUndefined();
    expect(parsePayloadDate(20260302)).toBeUndefined();
  });
});

describe('unknown payload fields', () => {
  it('are refused by name, so a misspelt field is not silently ignored', () => {
    const problems = checkPayload([text('reason', 'The reason')], { reason: 'ok', reasno: 'typo' }, new Date());
    expect(problems).toEqual([{ field: 'reasno', problem: 'invalid', message: 'reasno is not a field of this event' }]);
  });
});
