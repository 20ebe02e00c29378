import { InvalidInputException } from './invalid-input.exception';
import { checkIfMatch, etagOf, parseIfMatch } from './if-match';
import { ProblemException } from './problem.exception';

const detail = ({ current }: { current: number }) => `It is at version ${current}`;

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

describe('checkIfMatch', () => {
  it('passes when the header is absent or names the current version in any accepted form', () => {
    for (const header of [undefined, '', '"3"', 'W/"3"', '3', ' "3" ', ['"3"']]) {
      expect(() => checkIfMatch(header, 3, detail)).not.toThrow();
    }
  });

  it('answers 412 with the current version when the header names another one', () => {
    for (const header of ['"2"', 'W/"4"', '30']) {
      try {
        checkIfMatch(header, 3, detail);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemException);
        expect((error as ProblemException).getStatus()).toBe(412);
        expect((error as ProblemException).extensions).toEqual({ currentVersion: 3 });
      }
    }
  });

  it('answers 400 for a header that is not a version tag', () => {
    for (const header of ['*', '"abc"', 'W/3x', '"1", "2"']) {
      expect(() => checkIfMatch(header, 3, detail)).toThrow(InvalidInputException);
    }
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
