import { InvalidInputException } from './invalid-input.exception';
import { cursorParts, keysetCursor } from './keyset-cursor';

const ID = '019ab1c2-0000-7000-8000-000000000001';

const sorted = keysetCursor({
  field: 'cursor',
  message: 'not a cursor of this order',
  parts: [cursorParts.exactly('createdAt'), cursorParts.timestamp, cursorParts.uuid],
});

describe('keyset cursors', () => {
  it('reads back the typed parts it wrote, as opaque base64url', () => {
    const text = sorted.encode(['createdAt', '2026-11-23T13:14:15.123456Z', ID]);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(text, 'base64url').toString('utf8')).toBe(`createdAt|2026-11-23T13:14:15.123456Z|${ID}`);
    expect(sorted.decode(text)).toEqual(['createdAt', '2026-11-23T13:14:15.123456Z', ID]);
  });

  it('reads ids in lower case, and flags with their own separator', () => {
    const flagged = keysetCursor({
      field: 'cursor',
      message: 'no',
      separator: '.',
      parts: [cursorParts.flag('u', 'r'), cursorParts.uuid],
    });
    expect(flagged.decode(Buffer.from(`r.${ID.toUpperCase()}`).toString('base64url'))).toEqual([false, ID]);
    expect(flagged.decode(flagged.encode([true, ID]))).toEqual([true, ID]);
  });

  it.each([
    ['another order', `lastActivityAt|2026-11-23T13:14:15Z|${ID}`],
    ['a bad timestamp', `createdAt|2026-11-23|${ID}`],
    ['a bad id', 'createdAt|2026-11-23T13:14:15Z|1 or 1=1'],
    ['a part too many', `createdAt|2026-11-23T13:14:15Z|${ID}|x`],
    ['a part too few', 'createdAt|2026-11-23T13:14:15Z'],
    ['no parts at all', ''],
  ])('refuses %s as a 400 naming the query field', (_case, text) => {
    try {
      sorted.decode(Buffer.from(text, 'utf8').toString('base64url'));
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputException);
      expect((error as InvalidInputException).fieldErrors).toEqual([
        { field: 'cursor', in: 'query', detail: 'not a cursor of this order' },
      ]);
    }
  });
});
