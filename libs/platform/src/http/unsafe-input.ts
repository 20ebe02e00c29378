import { fieldError, type FieldError, type InputLocation } from './field-error';

/** Keys that name an object's prototype machinery: class-transformer drops them silently instead of refusing. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A lone UTF-16 surrogate (JSON can carry one as `\ud800`): PostgreSQL cannot store it and validator.js throws. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A value met on the walk; its path is kept as a link to its parent, spelt out only for the error. */
interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/**
 * The first key or string of a parsed body or query that no rule should ever see, as a field error; null when
 * there is none. Walks without recursion and without copying paths: bodies may nest many thousands of levels deep.
 */
export function unsafeInputError(value: unknown, location: InputLocation): FieldError | null {
  const pending: Visit[] = [{ value, key: null, parent: null }];
  while (pending.length) {
    const visit = pending.pop() as Visit;
    const node = visit.value;
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return fieldError(pathOf(visit), 'must be well-formed Unicode text', location);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const child: Visit = { value: (node as Record<string, unknown>)[key], key, parent: visit };
      if (PROTOTYPE_KEYS.has(key)) return fieldError(pathOf(child), `${key} is not allowed`, location);
      if (LONE_SURROGATE.test(key)) return fieldError(pathOf(child), 'must be well-formed Unicode text', location);
      pending.push(child);
    }
  }
  return null;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) path.push(at.key);
  return path.reverse();
}
