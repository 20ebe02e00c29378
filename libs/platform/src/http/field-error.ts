import type { ValidationError } from 'class-validator';

/** Where a wrong value was sent. */
export type InputLocation = 'body' | 'query' | 'path' | 'header';

/** One wrong field of a request, as listed in a problem+json `errors` member. */
export interface FieldError {
  /** Dotted path of the field, e.g. `persons.0.nationality`; empty for the body as a whole. */
  field: string;
  in: InputLocation;
  /** JSON Pointer (RFC 6901) into the request body, e.g. `#/persons/0/nationality` (body fields only). */
  pointer?: string;
  detail: string;
}

/** Flattens class-validator's nested errors into one entry per broken rule. */
export function toFieldErrors(errors: ValidationError[], location: InputLocation, parent: string[] = []): FieldError[] {
  return errors.flatMap((error) => {
    const path = [...parent, error.property];
    const own = Object.values(error.constraints ?? {}).map((detail) => fieldError(path, detail, location));
    return [...own, ...toFieldErrors(error.children ?? [], location, path)];
  });
}

export function fieldError(path: string[], detail: string, location: InputLocation = 'body'): FieldError {
  if (location !== 'body') return { field: path.join('.'), in: location, detail };
  const pointer = path.length ? `#/${path.map(escapePointer).join('/')}` : '#';
  return { field: path.join('.'), in: location, pointer, detail };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
