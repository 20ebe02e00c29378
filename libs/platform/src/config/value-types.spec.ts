import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  base64Key,
  byteSize,
  ed25519PrivateKey,
  flag,
  integer,
  list,
  network,
  oneOf,
  reminderSchedule,
  trustProxy,
  url,
} from './value-types';

describe('value types', () => {
  it('integer: what Number reads as a whole number within the bounds', () => {
    const port = integer({ min: 1, max: 65535 });
    expect(['5432', ' 5432 ', '1e3'].map((raw) => port.parse(raw))).toEqual([5432, 5432, 1000]);
    expect(['0', '65536', '2.5', 'abc', '12abc'].map((raw) => port.parse(raw))).toEqual(Array(5).fill(undefined));
    expect(port.expected).toBe('a positive integer (at most 65535)');
    expect(integer({ min: 0 }).expected).toBe('a non-negative integer');
  });

  it('url: only the protocols given', () => {
    const redis = url(['redis:', 'rediss:']);
    expect(redis.parse('rediss://:secret@cache:6380/2')).toBe('rediss://:secret@cache:6380/2');
    expect(redis.parse('http://cache:6379')).toBeUndefined();
    expect(redis.parse('cache:6379')).toBeUndefined();
  });

  it('network: an address or a CIDR network, IPv4 or IPv6', () => {
    expect(['127.0.0.1', ' 10.0.0.0/8 ', '::1', 'fd00::/8', '0.0.0.0/0'].map((raw) => network().parse(raw))).toEqual([
      '127.0.0.1/32',
      '10.0.0.0/8',
      '::1/128',
      'fd00::/8',
      '0.0.0.0/0',
    ]);
    expect(
      ['localhost', '10.0.0.0/33', '::1/129', '10.0.0.0/8/8', '10.0.0.0/', '10.0.0.0/x'].map((raw) =>
        network().parse(raw),
      ),
    ).toEqual(Array(6).fill(undefined));
  });

  it('trustProxy: hops, or addresses, networks and kinds of proxies; never "believe anyone"', () => {
    expect(['2', 'loopback', '10.0.0.7, 10.1.0.0/16, uniquelocal'].map((raw) => trustProxy().parse(raw))).toEqual([
      2,
      ['loopback'],
      ['uniquelocal', '10.0.0.7/32', '10.1.0.0/16'],
    ]);
    expect(['true', 'everyone', '10.0.0.0/33', ',', '65'].map((raw) => trustProxy().parse(raw))).toEqual(
      Array(5).fill(undefined),
    );
    expect(trustProxy().format([])).toBe('none');
  });

  it('flag: 1 or 0 and nothing else', () => {
    expect(['1', '0', 'true', 'yes'].map((raw) => flag().parse(raw))).toEqual([true, false, undefined, undefined]);
  });

  it('oneOf, byteSize, list', () => {
    expect(oneOf(['a', 'b']).parse('b')).toBe('b');
    expect(oneOf(['a', 'b']).parse('B')).toBeUndefined();
    expect(['1mb', '512kb', '1048576', '1.5MB'].map((raw) => byteSize().parse(raw))).toEqual([
      '1mb',
      '512kb',
      '1048576',
      '1.5MB',
    ]);
    expect(byteSize().parse('lots')).toBeUndefined();
    expect(list(integer({ min: 0 })).parse('1, 2,,3')).toEqual([1, 2, 3]);
  });

  it('keys: an Ed25519 private key in PEM or base64 DER, and base64 of the exact length', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(ed25519PrivateKey().parse(pem)).toBe(pem.trim());
    expect(ed25519PrivateKey().parse(`${der}\n`)).toBe(der);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64');
    expect(ed25519PrivateKey().parse(rsa)).toBeUndefined();
    const key = randomBytes(32);
    expect(base64Key(32).parse(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(base64Key(32).parse(randomBytes(16).toString('base64'))).toBeUndefined();
  });
});

describe('reminderSchedule', () => {
  const DAY = 86_400_000;
  const schedule = reminderSchedule();

  it('reads reminders for every timer and per timer, latest last', () => {
    expect(schedule.parse('*=1d,3d;execute=14d,12h')).toEqual({
      all: [3 * DAY, DAY],
      timers: { execute: [14 * DAY, DAY / 2] },
    });
    expect(schedule.parse('*=none')).toEqual({ all: [], timers: {} });
    expect(schedule.format({ all: [3 * DAY, DAY], timers: { decide: [] } })).toBe('*=3d,1d;decide=none');
  });

  it('refuses what it cannot read', () => {
    for (const raw of ['3d', '*=3', '*=0d', 'Decide=1d', '*=1d=2d', '*=1w'])
      expect(schedule.parse(raw)).toBeUndefined();
  });
});
