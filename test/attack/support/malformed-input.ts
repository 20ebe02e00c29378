import { randomUUID } from 'node:crypto';
import { fillPath, resolveSchema, type JsonSchema, type OpenApiDocument, type Operation } from './openapi-operations';
import { multipart } from './multipart';
import { seededRandom, type SeededRandom } from './seeded-random';

/** One generated bad call. */
export interface MalformedCall {
  operation: string;
  kind: 'body' | 'query' | 'path' | 'header' | 'multipart' | 'stray';
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Wrong for certain by the operation's schema: must be refused with a 4xx, never accepted. */
  mustRefuse: boolean;
}

export interface Budget {
  body: number;
  query: number;
  path: number;
  header: number;
  multipart: number;
  stray: number;
}

interface Field {
  path: string[];
  schema: JsonSchema;
  required: boolean;
}

interface Generated {
  label: string;
  query?: string;
  body?: string | Buffer;
  contentType?: string;
  mustRefuse: boolean;
}

const JSON_TYPE = 'application/json';
const RAW = '\u0001raw\u0001';
/** `JSON.stringify(value)`, then a marked string value replaced by raw JSON text (1e400, duplicate keys, ...). */
const withRaw = (value: unknown, raw: string) => JSON.stringify(value).replace(JSON.stringify(RAW), raw);

const JUNK_STRINGS = [
  '',
  ' ',
  "'",
  "''; drop table request; --",
  '" OR "1"="1',
  '%',
  '_',
  '\\',
  '$where',
  '{"$gt":""}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\ud800',
  '\udfff',
  '\u202e\u0644\u0627',
  '\u200b\u200d\ufeff',
  '💥🧨'.repeat(50),
  'e\u0301'.repeat(500),
  '\uffff\ufffe',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
] as const;

const BAD_UUIDS = [
  'not-a-uuid',
  '',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-0000-0000-000000000000}',
  "'; drop table request; --",
  '../../etc/passwd',
  '0'.repeat(36),
  `${randomUUID()}\n`,
  `${randomUUID()}x`,
  12345,
  true,
] as const;

const RAW_NUMBERS = ['1e400', '-1e400', '1e-400', '9007199254740993', '-0', '0.5', '-1', '2147483648', '1e308'];

const BROKEN_JSON = [
  (text: string) => text.slice(0, Math.max(1, Math.floor(text.length / 2))),
  (text: string) => `${text.slice(0, -1)},}`,
  (text: string) => text.replace(/"/g, "'"),
  (text: string) => `${text}${text}`,
  (text: string) => `\ufeff${text}`,
  () => '{"a":}',
  () => '{"a": NaN}',
  () => '{"a": Infinity}',
  () => '{/* comment */}',
  () => '{"a":1',
  () => '\u0000',
  (text: string) => text.replace(/:/, ': "\u0000" '),
];

const NOT_OBJECTS = ['null', '1', '"text"', 'true', '[]', '[{}]', '[[[]]]'];

/**
 * Generates malformed calls for every operation of the document from its own schemas: wrong types, missing
 * required fields, unknown fields, huge strings, deep nesting, odd unicode and NUL bytes, numbers out of range,
 * arrays for objects, bad UUIDs, broken JSON, prototype-pollution keys; bad query strings, cursors, path ids and
 * headers; malformed multipart uploads. Deterministic for a seed.
 */
export function malformedCalls(
  document: OpenApiDocument,
  operations: Operation[],
  pathValues: (operation: Operation) => Record<string, string>,
  options: { seed: number; budget: Budget },
): MalformedCall[] {
  const random = seededRandom(options.seed);
  return operations.flatMap((operation) => {
    const base = fillPath(operation.path, pathValues(operation));
    const call = (kind: MalformedCall['kind'], generated: Generated, path = base, headers = {}): MalformedCall => ({
      operation: operation.key,
      kind,
      label: generated.label,
      method: operation.method,
      path,
      headers: {
        ...(generated.contentType ? { 'content-type': generated.contentType } : {}),
        ...headers,
      },
      ...(generated.body !== undefined ? { body: generated.body } : {}),
      mustRefuse: generated.mustRefuse,
    });
    const calls: MalformedCall[] = [];
    const body = operation.body;
    if (body?.contentType === JSON_TYPE) {
      const schema = resolveSchema(document, body.schema);
      for (let index = 0; index < options.budget.body; index += 1) {
        calls.push(call('body', badBody(document, schema, random, index)));
      }
    }
    if (body?.contentType === 'multipart/form-data') {
      for (let index = 0; index < options.budget.multipart; index += 1) {
        calls.push(call('multipart', badUpload(random, index)));
      }
    }
    const query = operation.parameters.filter((parameter) => parameter.in === 'query');
    if (query.length) {
      for (let index = 0; index < options.budget.query; index += 1) {
        const generated = badQuery(
          query.map((parameter) => parameter.name),
          random,
          index,
        );
        calls.push(call('query', generated, `${base}?${generated.query}`));
      }
    }
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string);
    if (names.length) {
      for (let index = 0; index < options.budget.path; index += 1) {
        const name = random.pick(names);
        const value = badPathValue(random, index);
        const path = fillPath(operation.path, { ...pathValues(operation), [name]: value });
        calls.push(call('path', { label: `${name}=${value.slice(0, 40)}`, mustRefuse: true }, path));
      }
    }
    const headerNames = operation.parameters.filter((parameter) => parameter.in === 'header').map((p) => p.name);
    for (let index = 0; headerNames.length && index < options.budget.header; index += 1) {
      const name = random.pick(headerNames);
      const value = random.pick(BAD_HEADER_VALUES);
      calls.push(
        call('header', { label: `${name}: ${value.slice(0, 40)}`, mustRefuse: false }, base, { [name]: value }),
      );
    }
    if (!body && !query.length && !names.length) {
      for (let index = 0; index < options.budget.stray; index += 1) {
        const junk = percentEncoded(random.pick(JUNK_STRINGS));
        calls.push(
          call(
            'stray',
            {
              label: 'stray query and body',
              body: random.pick(NOT_OBJECTS),
              contentType: JSON_TYPE,
              mustRefuse: false,
            },
            `${base}?${random.pick(['x', 'cursor', '__proto__[x]', 'limit'])}=${junk}`,
          ),
        );
      }
    }
    return calls;
  });
}

const BAD_HEADER_VALUES = [
  '',
  '*',
  'W/"x"',
  '"abc"',
  '"-1"',
  '"99999999999999999999"',
  '"1", "2"',
  'x'.repeat(4000),
  '\u00ff\u00fe',
];

function badBody(document: OpenApiDocument, schema: JsonSchema, random: SeededRandom, index: number): Generated {
  const sample = sampleObject(document, schema, random);
  const fields = fieldsOf(document, schema, [], 2);
  const field = fields.length ? random.pick(fields) : undefined;
  const strategies: (() => Generated)[] = [
    () => wrongType(sample, field, random),
    () => missingRequired(sample, schema, random),
    () => unknownField(sample, schema, random),
    () => hugeString(sample, fields, random),
    () => deepNesting(sample, field, random),
    () => oddUnicode(sample, fields, random),
    () => numberOutOfRange(sample, fields, random),
    () => arrayForObject(sample, fields, random),
    () => badUuid(sample, fields, random),
    () => brokenJson(sample, random),
    () => ({ label: 'not an object', body: random.pick(NOT_OBJECTS), contentType: JSON_TYPE, mustRefuse: true }),
    () => pollution(sample, random),
    () => wrongContentType(sample, schema, random),
    () => nulCharacter(sample, fields, random),
  ];
  return (strategies[index % strategies.length] as () => Generated)();
}

function json(label: string, value: unknown, mustRefuse: boolean): Generated {
  return { label, body: JSON.stringify(value), contentType: JSON_TYPE, mustRefuse };
}

function wrongType(sample: Record<string, unknown>, field: Field | undefined, random: SeededRandom): Generated {
  if (!field) return json('wrong type (no fields): array', [sample], true);
  const type = field.schema.type;
  const others: Record<string, unknown[]> = {
    string: [123, true, {}, [], [field.schema.enum?.[0] ?? 'x']],
    number: ['12', true, {}, [], 'NaN'],
    integer: ['12', true, {}, [], 1.5],
    boolean: ['true', 1, {}, [], 'yes'],
    array: ['x', 1, {}, true],
    object: ['x', 1, true],
  };
  const value = random.pick(others[type ?? ''] ?? ['x', 1]);
  // a nullable or free-form declaration (type object with nullable, no type at all) says too little to be sure
  const certain = Boolean(
    type && type !== 'object' && !field.schema.nullable && !(type === 'integer' && value === 1.5),
  );
  return json(
    `wrong type at ${field.path.join('.')}: ${JSON.stringify(value)}`,
    setAt(sample, field.path, value),
    certain,
  );
}

function missingRequired(sample: Record<string, unknown>, schema: JsonSchema, random: SeededRandom): Generated {
  const required = schema.required ?? [];
  if (!required.length) return json('nothing required: empty object', {}, false);
  const name = random.pick(required);
  const { [name]: _removed, ...rest } = sample;
  return json(`missing ${name}`, rest, true);
}

function unknownField(sample: Record<string, unknown>, schema: JsonSchema, random: SeededRandom): Generated {
  const name = random.pick([
    'unexpected',
    '$where',
    'constructor',
    'prototype',
    'isAdmin',
    'platformAdmin',
    'id',
    'agencyId',
  ]);
  if (schema.properties?.[name] || schema.additionalProperties) return json('no unknown field possible', sample, false);
  return json(`unknown field ${name}`, { ...sample, [name]: random.pick([1, 'x', { $ne: null }, true]) }, true);
}

function hugeString(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const strings = fields.filter((field) => field.schema.type === 'string' && !field.schema.enum);
  const length = random.pick([10_000, 100_000, 600_000, 1_200_000]);
  if (!strings.length) return json(`huge unknown field (${length})`, { ...sample, huge: 'A'.repeat(length) }, true);
  const field = random.pick(strings);
  const tooLong = field.schema.maxLength !== undefined && length > field.schema.maxLength;
  return json(
    `huge ${field.path.join('.')} (${length})`,
    setAt(sample, field.path, 'A'.repeat(length)),
    tooLong || length > 1_000_000,
  );
}

function deepNesting(sample: Record<string, unknown>, field: Field | undefined, random: SeededRandom): Generated {
  const depth = random.pick([64, 1_000, 20_000, 100_000]);
  const nested = random.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const path = field?.path ?? ['deep'];
  return {
    label: `nesting ${depth} deep at ${path.join('.')}`,
    body: withRaw(setAt(sample, path, RAW), nested),
    contentType: JSON_TYPE,
    mustRefuse: false,
  };
}

function oddUnicode(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const strings = fields.filter((field) => field.schema.type === 'string');
  const value = random.pick(JUNK_STRINGS);
  const path = strings.length ? random.pick(strings).path : ['unicode'];
  return json(`odd text at ${path.join('.')}`, setAt(sample, path, value), !strings.length);
}

function numberOutOfRange(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const numbers = fields.filter((field) => field.schema.type === 'number' || field.schema.type === 'integer');
  const raw = random.pick(RAW_NUMBERS);
  const path = numbers.length ? random.pick(numbers).path : (fields[0]?.path ?? ['number']);
  return {
    label: `number ${raw} at ${path.join('.')}`,
    body: withRaw(setAt(sample, path, RAW), raw),
    contentType: JSON_TYPE,
    mustRefuse: false,
  };
}

function arrayForObject(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const objects = fields.filter((field) => field.schema.type === 'object' && field.schema.properties);
  if (!objects.length || random.chance(0.3)) return json('array for the body', [sample], true);
  const field = random.pick(objects);
  return json(`array for ${field.path.join('.')}`, setAt(sample, field.path, [getAt(sample, field.path) ?? {}]), true);
}

function badUuid(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const uuids = fields.filter((field) => field.schema.format === 'uuid');
  const value = random.pick(BAD_UUIDS);
  if (!uuids.length) return json(`bad uuid in unknown field`, { ...sample, agencyId: value }, true);
  const field = random.pick(uuids);
  return json(
    `bad uuid ${JSON.stringify(value).slice(0, 40)} at ${field.path.join('.')}`,
    setAt(sample, field.path, value),
    true,
  );
}

function brokenJson(sample: Record<string, unknown>, random: SeededRandom): Generated {
  const breaking = random.int(BROKEN_JSON.length);
  const body = (BROKEN_JSON[breaking] as (text: string) => string)(JSON.stringify(sample));
  // a byte-order mark is tolerated by the parser; some breakings leave a small sample valid
  return {
    label: `broken JSON #${breaking}`,
    body,
    contentType: JSON_TYPE,
    mustRefuse: breaking !== 4 && !parses(body),
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function pollution(sample: Record<string, unknown>, random: SeededRandom): Generated {
  const raw = random.pick([
    '{"isAdmin":true,"polluted":"yes"}',
    '{"prototype":{"polluted":"yes"}}',
    '[{"polluted":"yes"}]',
  ]);
  const key = random.pick(['__proto__', 'constructor']);
  const body = `{${JSON.stringify(key)}:${raw},${JSON.stringify(sample).slice(1)}`.replace(',}', '}');
  return { label: `${key} key`, body, contentType: JSON_TYPE, mustRefuse: true };
}

function wrongContentType(sample: Record<string, unknown>, schema: JsonSchema, random: SeededRandom): Generated {
  const contentType = random.pick([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/json; charset=koi8-r',
    'multipart/form-data; boundary=x',
    'application/vnd.api+json',
  ]);
  return {
    label: `content type ${contentType}`,
    body: JSON.stringify(sample),
    contentType,
    mustRefuse: Boolean(schema.required?.length),
  };
}

function nulCharacter(sample: Record<string, unknown>, fields: Field[], random: SeededRandom): Generated {
  const strings = fields.filter((field) => field.schema.type === 'string');
  const path = strings.length ? random.pick(strings).path : ['nul'];
  if (random.chance(0.5)) return json(`escaped NUL at ${path.join('.')}`, setAt(sample, path, 'a\u0000b'), true);
  const body = withRaw(setAt(sample, path, RAW), '"a\u0000b"');
  return { label: `raw NUL byte at ${path.join('.')}`, body, contentType: JSON_TYPE, mustRefuse: true };
}

function badUpload(random: SeededRandom, index: number): Generated {
  const file = (fileName: string, contentType = 'text/plain', content: string | Buffer = 'hello') => ({
    fileName,
    contentType,
    content,
  });
  const strategies: (() => Generated)[] = [
    () => {
      const form = multipart([file('a.txt')]);
      return { label: 'no boundary', body: form.body, contentType: 'multipart/form-data', mustRefuse: true };
    },
    () => {
      const form = multipart([file('a.txt')]);
      return {
        label: 'wrong boundary',
        body: form.body,
        contentType: 'multipart/form-data; boundary=nope',
        mustRefuse: true,
      };
    },
    () => {
      const form = multipart([file('a.txt')]);
      // cut before the closing boundary: a cut in its trailing CRLF would leave a complete, valid form
      const closing = form.body.lastIndexOf('\r\n--');
      return {
        label: 'truncated',
        body: form.body.subarray(0, random.int(closing)),
        contentType: form.contentType,
        mustRefuse: true,
      };
    },
    () => {
      const form = multipart([
        { ...file('a.txt'), field: random.pick(['files', '../file', 'file[]', '__proto__', '']) },
      ]);
      return { label: 'unexpected file field', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => {
      const form = multipart([file('a.txt'), file('b.txt')]);
      return { label: 'two files', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => {
      const fields = Object.fromEntries(Array.from({ length: 12 }, (_, n) => [`f${n}`, 'x']));
      const form = multipart([file('a.txt')], fields);
      return { label: 'too many fields', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => {
      const [name, value] = random.pick([
        ['handlingCode', 'H9'],
        ['handlingCode', "H0' or '1'='1"],
        ['translationAttached', 'maybe'],
        ['language', 'x'.repeat(5000)],
        ['__proto__', 'x'],
        ['unexpected', '1'],
        ['handlingCode', 'H3'],
      ] as const);
      const form = multipart([file('a.txt')], { [name]: value });
      return {
        label: `field ${name}=${value.slice(0, 20)}`,
        body: form.body,
        contentType: form.contentType,
        mustRefuse: true,
      };
    },
    () => {
      const form = multipart([file('setup.exe', 'application/x-msdownload', Buffer.from('MZ\u0090\u0000'))]);
      return { label: 'executable', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => {
      const form = multipart([file('photo.png', 'image/png', 'not a png at all')]);
      return { label: 'png that is not', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => ({
      label: 'JSON to the upload',
      body: JSON.stringify({ file: 'x' }),
      contentType: JSON_TYPE,
      mustRefuse: true,
    }),
    () => {
      const form = multipart([]);
      return { label: 'no file', body: form.body, contentType: form.contentType, mustRefuse: true };
    },
    () => {
      const form = multipart([
        file(random.pick(JUNK_STRINGS.filter((junk) => !junk.includes('\n'))), 'text/plain', ''),
      ]);
      return { label: 'odd name, empty file', body: form.body, contentType: form.contentType, mustRefuse: false };
    },
  ];
  return (strategies[index % strategies.length] as () => Generated)();
}

const QUERY_JUNK = [
  '',
  '%20',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999',
  'NaN',
  'null',
  '%27',
  '%27%3B%20drop%20table%20request%3B%20--',
  '%25',
  '_',
  '%00',
  '%',
  '%zz',
  '%ff%fe',
  '%C0%AF',
  '..%2F..%2Fetc%2Fpasswd',
  '%E2%80%AE',
  '%F0%9F%92%A5',
  '%7B%22%24gt%22%3A%22%22%7D',
  '2026-13-45',
  '9999-12-31T99%3A99',
  'x'.repeat(3000),
];

function badQuery(names: string[], random: SeededRandom, index: number): Generated {
  const name = random.pick(names);
  const strategies: (() => [string, boolean])[] = [
    () => [`${name}=${random.pick(QUERY_JUNK)}`, false],
    () => [`${name}=${random.pick(QUERY_JUNK)}&${name}=${random.pick(QUERY_JUNK)}`, false],
    () => [`${name}[${random.pick(['$ne', '', '__proto__', '0'])}]=1`, false],
    () => [
      `${random.pick(['__proto__[polluted]', 'constructor[prototype][polluted]', 'unexpected', '$where', 'isAdmin'])}=1`,
      true,
    ],
    () => [`cursor=${random.pick(CURSORS)}`, false],
    () => [`limit=${random.pick(['0', '-5', '201', '1.5', '1e2', 'ten', '2147483648', '%00'])}`, false],
    () => [names.map((each) => `${each}=${random.pick(QUERY_JUNK)}`).join('&'), false],
  ];
  const [query, mustRefuse] = (strategies[index % strategies.length] as () => [string, boolean])();
  return { label: `query ${query.slice(0, 60)}`, query, mustRefuse };
}

const CURSORS = [
  'AAAA',
  'x'.repeat(2000),
  Buffer.from('{"$where":"sleep(10)"}').toString('base64url'),
  Buffer.from("'; drop table request; --").toString('base64url'),
  Buffer.from('{"createdAt":"not a date","id":"not a uuid"}').toString('base64url'),
  Buffer.from('{"createdAt":"2026-01-01T00:00:00Z","id":"00000000-0000-0000-0000-000000000000","x":1}').toString(
    'base64url',
  ),
  Buffer.from('[1,2,3]').toString('base64url'),
  '..%2F..%2F',
  '%00',
  randomUUID(),
  '%F0%9F%92%A5',
  '____',
];

const BAD_PATH_VALUES = [
  'not-a-uuid',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '..',
  '.',
  'x'.repeat(2000),
  '00000000-0000-0000-0000-00000000000g',
  '%E2%80%AE',
  '%',
  '%zz',
  '%27%20OR%20%271%27%3D%271',
  '%7B%7D',
  '00000000-0000-0000-0000-000000000000%00',
];

function badPathValue(random: SeededRandom, index: number): string {
  if (index % 5 === 4) return randomUUID(); // well formed, unknown: 404
  return random.pick(BAD_PATH_VALUES);
}

/** A plausible value for each required property and some optional ones. */
function sampleObject(document: OpenApiDocument, schema: JsonSchema, random: SeededRandom): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {})
      .filter(([name]) => required.has(name) || random.chance(0.5))
      .map(([name, property]) => [name, sampleValue(document, property, random, name)]),
  );
}

function sampleValue(document: OpenApiDocument, raw: JsonSchema, random: SeededRandom, name: string): unknown {
  const schema = resolveSchema(document, raw);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid'
        ? randomUUID()
        : name.toLowerCase().includes('email')
          ? 'attack@example.org'
          : 'text';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [sampleValue(document, schema.items, random, name)] : [];
    default:
      return schema.properties ? sampleObject(document, schema, random) : {};
  }
}

function fieldsOf(document: OpenApiDocument, schema: JsonSchema, prefix: string[], depth: number): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, raw]) => {
    const property = resolveSchema(document, raw);
    const field = { path: [...prefix, name], schema: property, required: required.has(name) };
    const nested = depth > 1 && property.properties ? fieldsOf(document, property, field.path, depth - 1) : [];
    return [field, ...nested];
  });
}

/** Every UTF-8 byte as %XX (encodeURIComponent throws on lone surrogates). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function getAt(value: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

/** A copy with the value at the path (creating objects on the way). */
function setAt(value: Record<string, unknown>, path: string[], replacement: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const child = value[head];
  const next = rest.length
    ? setAt(
        typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Record<string, unknown>) : {},
        rest,
        replacement,
      )
    : replacement;
  return { ...value, [head]: next };
}
