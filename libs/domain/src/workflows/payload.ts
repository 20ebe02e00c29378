/** A field an event's payload must (or may) carry; plain data, so clients can build their forms from it. */
export type PayloadField =
  | (FieldBase & { type: 'text' })
  | (FieldBase & { type: 'date'; when?: DateRule })
  | (FieldBase & { type: 'choice'; options: readonly string[] })
  | (FieldBase & { type: 'choices'; options: readonly string[] })
  | (FieldBase & { type: 'confirmation' })
  | (FieldBase & { type: 'reference' })
  | (FieldBase & { type: 'references' });

interface FieldBase {
  name: string;
  description: string;
  optional?: boolean;
}

/** Relative to the decision's `now`; a date without a time compares by calendar day (UTC). */
export type DateRule = 'future' | 'not_future' | 'not_past';

export type Payload = Readonly<Record<string, unknown>>;

export interface FieldProblem {
  field: string;
  problem: 'missing' | 'invalid';
  message: string;
}

export const text = (name: string, description: string, optional = false): PayloadField => ({
  name,
  type: 'text',
  description,
  ...(optional && { optional }),
});
export const date = (name: string, description: string, when?: DateRule): PayloadField => ({
  name,
  type: 'date',
  description,
  ...(when && { when }),
});
export const choice = (name: string, description: string, options: readonly string[]): PayloadField => ({
  name,
  type: 'choice',
  description,
  options,
});
export const choices = (name: string, description: string, options: readonly string[]): PayloadField => ({
  name,
  type: 'choices',
  description,
  options,
});
export const confirmation = (name: string, description: string): PayloadField => ({
  name,
  type: 'confirmation',
  description,
});
export const reference = (name: string, description: string): PayloadField => ({
  name,
  type: 'reference',
  description,
});
export const references = (name: string, description: string, optional = false): PayloadField => ({
  name,
  type: 'references',
  description,
  ...(optional && { optional }),
});

/** Every problem with the payload against its fields; empty when it is acceptable. Unknown fields are refused. */
export function checkPayload(fields: readonly PayloadField[], payload: Payload, now: Date): FieldProblem[] {
  const known = new Set(fields.map((field) => field.name));
  const unknown = Object.keys(payload)
    .filter((name) => !known.has(name))
    .map((name): FieldProblem => ({
      field: name,
      problem: 'invalid',
      message: `${name} is not a field of this event`,
    }));
  return [
    ...unknown,
    ...fields.flatMap((field): FieldProblem[] => {
      const value = payload[field.name];
      if (isAbsent(value)) {
        return field.optional
          ? []
          : [{ field: field.name, problem: 'missing', message: `${field.description} is required` }];
      }
      const invalid = invalidity(field, value, now);
      return invalid ? [{ field: field.name, problem: 'invalid', message: `${field.description} ${invalid}` }] : [];
    }),
  ];
}

function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Why a present value does not fit its field, or undefined when it does. */
function invalidity(field: PayloadField, value: unknown, now: Date): string | undefined {
  switch (field.type) {
    case 'text':
    case 'reference':
      return typeof value === 'string' ? undefined : 'must be text';
    case 'references':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '')
        ? undefined
        : 'must be a list of references';
    case 'confirmation':
      return value === true ? undefined : 'must be confirmed';
    case 'choice':
      return field.options.includes(value as string) ? undefined : `must be one of: ${field.options.join(', ')}`;
    case 'choices':
      return Array.isArray(value) && value.every((item) => field.options.includes(item))
        ? undefined
        : `must be chosen from: ${field.options.join(', ')}`;
    case 'date':
      return dateInvalidity(value, field.when, now);
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RULE_WORDING: Readonly<Record<DateRule, string>> = {
  future: 'must be in the future',
  not_future: 'cannot be in the future',
  not_past: 'cannot be in the past',
};

function dateInvalidity(value: unknown, rule: DateRule | undefined, now: Date): string | undefined {
  const parsed = parsePayloadDate(value);
  if (!parsed) return 'must be a date (YYYY-MM-DD or an ISO 8601 date-time)';
  if (!rule) return undefined;
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const subject = parsed.getTime();
  const reference = dateOnly ? startOfUtcDay(now) : now.getTime();
  const fits = { future: subject > reference, not_future: subject <= reference, not_past: subject >= reference };
  return fits[rule] ? undefined : DATE_RULE_WORDING[rule];
}

const startOfUtcDay = (moment: Date): number =>
  Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate());

/** A payload date (a `Date`, `YYYY-MM-DD` as midnight UTC, or an ISO 8601 date-time with its zone). */
export function parsePayloadDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  if (DATE_ONLY.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    return parsed.toISOString().startsWith(value) ? parsed : undefined;
  }
  if (!DATE_TIME.test(value)) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
