import { createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import { parsePrivateKey, parsePublicKey } from '../crypto/ed25519-key';

/** How one variable's text becomes a value: the only parser of its kind in the platform. */
export interface ValueType<T> {
  /** The type as the configuration reference shows it, e.g. `integer 1..65535`. */
  readonly label: string;
  /** What a wrong value is told it must be, e.g. `a positive integer`. */
  readonly expected: string;
  /** The value, or undefined when `raw` (never empty) is not one. */
  parse(raw: string): T | undefined;
  /** A default as the reference shows it. */
  format(value: T): string;
}

export function text(): ValueType<string> {
  return { label: 'string', expected: 'a string', parse: (raw) => raw, format: (value) => value };
}

/** An integer within bounds (inclusive); the bounds are part of the reference and of the error. */
export function integer(bounds: { min: number; max?: number }): ValueType<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = bounds;
  const unbounded = max === Number.MAX_SAFE_INTEGER;
  return {
    label: unbounded ? `integer >= ${min}` : `integer ${min}..${max}`,
    expected: integerExpectation(min, max, unbounded),
    parse: (raw) => {
      const value = Number(raw);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    format: (value) => String(value),
  };
}

function integerExpectation(min: number, max: number, unbounded: boolean): string {
  const kind = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer >= ${min}`;
  return unbounded ? kind : `${kind} (at most ${max})`;
}

export function url(protocols: readonly string[]): ValueType<string> {
  const schemes = protocols.map((protocol) => `${protocol}//`).join(' or ');
  return {
    label: `URL (${schemes})`,
    expected: `a ${schemes} URL`,
    parse: (raw) => (URL.canParse(raw) && protocols.includes(new URL(raw).protocol) ? raw : undefined),
    format: (value) => value,
  };
}

/** An IPv4 or IPv6 network in CIDR notation; a bare address is a network of one (`/32`, `/128`). */
export function network(): ValueType<string> {
  return {
    label: 'CIDR (e.g. 127.0.0.1/32, ::1/128)',
    expected: 'an IP address or CIDR network',
    parse: (raw) => {
      const [address, bits, extra] = raw.trim().split('/');
      const version = isIP(address);
      const max = version === 6 ? 128 : 32;
      if (!version || extra !== undefined) return undefined;
      if (bits === undefined) return `${address}/${max}`;
      const prefix = Number(bits);
      return /^\d+$/.test(bits) && prefix <= max ? `${address}/${prefix}` : undefined;
    },
    format: (value) => value,
  };
}

/** Which proxies' `X-Forwarded-For` to believe: none, a count of hops, or the proxies' addresses, networks or kinds. */
export type TrustProxy = number | readonly string[];

const PROXY_KINDS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy`, without `true` (believe any sender, so anyone could choose their address): a number of
 * hops in front of the api, or a comma-separated list of addresses, CIDR networks and `loopback`, `linklocal`,
 * `uniquelocal`.
 */
export function trustProxy(): ValueType<TrustProxy> {
  const networks = list(network());
  return {
    label: 'hop count, or list of addresses, CIDR networks, loopback, linklocal, uniquelocal',
    expected:
      'a number of proxies, or a comma-separated list of proxy addresses, CIDR networks or loopback/linklocal/uniquelocal',
    parse: (raw) => {
      if (/^\s*\d+\s*$/.test(raw)) return Number(raw) <= 64 ? Number(raw) : undefined;
      const items = raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const kinds = items.filter((item) => PROXY_KINDS.includes(item));
      const addresses = networks.parse(items.filter((item) => !PROXY_KINDS.includes(item)).join(','));
      return addresses && items.length ? [...kinds, ...addresses] : undefined;
    },
    format: (value) => (typeof value === 'number' ? String(value) : value.length ? value.join(',') : 'none'),
  };
}

/** `1` or `0`, as every switch of the platform has always been written. */
export function flag(): ValueType<boolean> {
  return {
    label: 'boolean (1 or 0)',
    expected: '1 or 0',
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
    format: (value) => (value ? '1' : '0'),
  };
}

export function oneOf<const T extends string>(values: readonly T[]): ValueType<T> {
  return {
    label: values.join(', '),
    expected: `one of ${values.join(', ')}`,
    parse: (raw) => values.find((value) => value === raw),
    format: (value) => value,
  };
}

/** A size as body-parser reads it: `512kb`, `1mb`, `1048576`. */
export function byteSize(): ValueType<string> {
  return {
    label: 'size (e.g. 512kb, 1mb)',
    expected: 'a size such as 512kb or 1mb',
    parse: (raw) => (/^\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb)?$/i.test(raw.trim()) ? raw.trim() : undefined),
    format: (value) => value,
  };
}

export function uuid(): ValueType<string> {
  return {
    label: 'UUID',
    expected: 'a UUID',
    parse: (raw) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw) ? raw : undefined),
    format: (value) => value,
  };
}

/** Comma-separated items, blanks around them ignored; wrong if any item is. */
export function list<T>(item: ValueType<T>): ValueType<readonly T[]> {
  return {
    label: `list of ${item.label}, comma-separated`,
    expected: `a comma-separated list, each ${item.expected}`,
    parse: (raw) => {
      const items = raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => item.parse(part));
      return items.every((value) => value !== undefined) ? (items as T[]) : undefined;
    },
    format: (value) => (value.length ? value.map((one) => item.format(one)).join(',') : 'none'),
  };
}

/** Checked here so a wrong key stops the start, not the first checkpoint an hour later. */
export function ed25519PrivateKey(): ValueType<string> {
  return {
    label: 'Ed25519 private key (PEM, or base64 PKCS#8 DER)',
    expected: 'an Ed25519 private key (PEM, or base64 PKCS#8 DER)',
    parse: (raw) => {
      const key = raw.trim();
      try {
        return parsePrivateKey(key).asymmetricKeyType === 'ed25519' ? key : undefined;
      } catch {
        return undefined;
      }
    },
    format: () => 'a key',
  };
}

/** The AUDIT_PUBLIC_KEY of an AUDIT_SIGNING_KEY (base64 SPKI DER): what the launcher and the tests give the api. */
export function ed25519PublicKeyOf(privateKey: string): string {
  return createPublicKey(parsePrivateKey(privateKey)).export({ format: 'der', type: 'spki' }).toString('base64');
}

/** An Ed25519 public key: PEM (SPKI), or base64 of its SPKI DER form. */
export function ed25519PublicKey(): ValueType<string> {
  return {
    label: 'Ed25519 public key (PEM, or base64 SPKI DER)',
    expected: 'an Ed25519 public key (PEM, or base64 SPKI DER)',
    parse: (raw) => {
      const key = raw.trim();
      if (key.includes('PRIVATE KEY')) return undefined; // createPublicKey would derive one from it
      try {
        parsePublicKey(key);
        return key;
      } catch {
        return undefined;
      }
    },
    format: () => 'a key',
  };
}

/** Random bytes of a fixed length in base64 (the URL-safe alphabet too), e.g. `openssl rand -base64 32`. */
export function base64Key(bytes: number): ValueType<Buffer> {
  return {
    label: `${bytes}-byte key (base64)`,
    expected: `${bytes} bytes in base64 (e.g. openssl rand -base64 ${bytes})`,
    parse: (raw) => {
      const key = Buffer.from(raw.trim(), 'base64');
      return key.length === bytes ? key : undefined;
    },
    format: () => 'a key',
  };
}

/** When to remind of a deadline, as times before it is due (ms), for every timer and for some by name. */
export interface ReminderSchedule {
  all: readonly number[];
  timers: Readonly<Record<string, readonly number[]>>;
}

const SPAN = /^(\d+)(d|h)$/;
const SPAN_MS = { d: 86_400_000, h: 3_600_000 } as const;

/**
 * `*=3d,1d;execute=14d,3d,1d`: reminders before each deadline (days or hours), `*` for every timer, a timer's name
 * for its own; `none` for no reminder.
 */
export function reminderSchedule(): ValueType<ReminderSchedule> {
  const spans = (raw: string): number[] | undefined => {
    if (raw.trim() === 'none') return [];
    const values = raw.split(',').map((part) => SPAN.exec(part.trim()));
    if (values.some((match) => !match || Number(match[1]) === 0)) return undefined;
    return values.map((match) => Number(match?.[1]) * SPAN_MS[match?.[2] as 'd' | 'h']).sort((a, b) => b - a);
  };
  const days = (ms: number) => (ms % SPAN_MS.d === 0 ? `${ms / SPAN_MS.d}d` : `${ms / SPAN_MS.h}h`);
  const spansText = (values: readonly number[]) => (values.length ? values.map(days).join(',') : 'none');
  return {
    label: 'reminders (e.g. *=3d,1d;execute=14d,3d,1d)',
    expected: 'timer=spans pairs separated by ";", spans such as 3d or 12h separated by "," (* for every timer)',
    parse: (raw) => {
      const schedule: { all: readonly number[]; timers: Record<string, readonly number[]> } = { all: [], timers: {} };
      for (const part of raw.split(';').filter((each) => each.trim())) {
        const [name, values, extra] = part.split('=');
        const parsed = values === undefined || extra !== undefined ? undefined : spans(values);
        if (!parsed || !/^(\*|[a-z_]+)$/.test(name.trim())) return undefined;
        if (name.trim() === '*') schedule.all = parsed;
        else schedule.timers[name.trim()] = parsed;
      }
      return schedule;
    },
    format: (value) =>
      [`*=${spansText(value.all)}`, ...Object.entries(value.timers).map(([name, v]) => `${name}=${spansText(v)}`)].join(
        ';',
      ),
  };
}
