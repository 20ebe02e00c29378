import { InvalidInputException, ProblemException } from '@liaison/platform';
import { checkIfMatch } from './if-match';

describe('checkIfMatch', () => {
  it('passes when the header is absent or names the current version in any accepted form', () => {
    for (const header of [undefined, '', '"3"', 'W/"3"', '3', ' "3" ', ['"3"']]) {
      expect(() => checkIfMatch(header, 3)).not.toThrow();
    }
  });

  it('answers 412 with the current version when the header names another one', () => {
    for (const header of ['"2"', 'W/"4"', '30']) {
      try {
        checkIfMatch(header, 3);
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
      expect(() => checkIfMatch(header, 3)).toThrow(InvalidInputException);
    }
  });
});
