import { InvalidInputException } from './invalid-input.exception';
import { etagOf, parseIfMatch } from './if-match';

describe('If-Match', () => {
  it('reads strong, weak and bare version tags', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('refuses anything else as a 400 naming the header', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(InvalidInputException);
    const thrown = captureError(() => parseIfMatch('*, "1"'));
    expect(thrown).toBeInstanceOf(InvalidInputException);
    expect((thrown as InvalidInputException).fieldErrors).toEqual([
      { field: 'If-Match', in: 'header', detail: 'If-Match must be the version ETag, e.g. "3"' },
    ]);
  });

  it('writes the ETag that it reads', () => {
    expect(parseIfMatch(etagOf(42))).toBe(42);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
