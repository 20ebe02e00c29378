import { InvalidInputException } from '@liaison/platform';
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from './search-cursor';

describe('search cursor', () => {
  const cursor: SearchCursor = {
    sort: 'lastActivityAt',
    key: '2026-11-23T13:14:15.123456Z',
    id: '019ab1c2-0000-7000-8000-000000000001',
  };

  it('round-trips through an opaque URL-safe token', () => {
    const token = encodeSearchCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(token, 'lastActivityAt')).toEqual(cursor);
  });

  it('keeps microseconds, so rows sharing a millisecond are not skipped', () => {
    expect(decodeSearchCursor(encodeSearchCursor(cursor), 'lastActivityAt').key).toBe('2026-11-23T13:14:15.123456Z');
  });

  it('refuses a cursor made for another sort', () => {
    expect(() => decodeSearchCursor(encodeSearchCursor(cursor), 'createdAt')).toThrow(InvalidInputException);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['empty', ''],
    ['a bad date', Buffer.from('lastActivityAt|yesterday|019ab1c2-0000-7000-8000-000000000001').toString('base64url')],
    ['a bad id', Buffer.from('lastActivityAt|2026-11-23T13:14:15Z|1 or 1=1').toString('base64url')],
    ['extra parts', Buffer.from(`lastActivityAt|2026-11-23T13:14:15Z|${cursor.id}|x`).toString('base64url')],
  ])('refuses %s as a 400 naming the query parameter', (_name, token) => {
    try {
      decodeSearchCursor(token, 'lastActivityAt');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputException);
      expect((error as InvalidInputException).fieldErrors[0]).toMatchObject({ field: 'cursor', in: 'query' });
    }
  });
});
