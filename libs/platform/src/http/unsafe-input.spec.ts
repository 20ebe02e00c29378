import { unsafeInputError } from './unsafe-input';

describe('input no rule should see', () => {
  it('names prototype keys wherever they are', () => {
    expect(unsafeInputError(JSON.parse('{"a":{"__proto__":{"x":1}}}'), 'body')).toEqual({
      field: 'a.__proto__',
      in: 'body',
      pointer: '#/a/__proto__',
      detail: '__proto__ is not allowed',
    });
    expect(unsafeInputError({ list: [{ constructor: 1 }] }, 'body')?.field).toBe('list.0.constructor');
    expect(unsafeInputError({ prototype: 'x' }, 'query')).toEqual({
      field: 'prototype',
      in: 'query',
      detail: 'prototype is not allowed',
    });
  });

  it('names strings with a lone surrogate, and lets pairs and other text through', () => {
    expect(unsafeInputError({ email: '\ud800@x.example' }, 'body')?.field).toBe('email');
    expect(unsafeInputError({ name: 'x\udfff' }, 'body')?.field).toBe('name');
    expect(unsafeInputError({ name: '💥 नमस्ते ‮', constructorName: 'fine', proto: 1 }, 'body')).toBeNull();
  });

  it('walks bodies nested far deeper than the call stack', () => {
    let deep: unknown = '\ud800';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(unsafeInputError({ deep }, 'body')?.field).toMatch(/^deep(\.0)+$/);
  });
});
