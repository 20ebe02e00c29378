import { addressOf, isAllowedAddress } from './webhook-address';

describe('isAllowedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified ("this host")'],
    ['0.1.2.3', 'this network'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.100.100.200', 'CGNAT: a cloud metadata service'],
    ['192.0.0.192', 'IETF protocol assignments: a cloud metadata service'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hexadecimal'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local: cloud metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard'],
    ['localhost', 'not an address'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (address) => {
    expect(isAllowedAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450::1'])(
    'accepts the public address %s',
    (address) => {
      expect(isAllowedAddress(address)).toBe(true);
    },
  );

  it('lets the allowed networks through, IPv4-mapped forms included, and nothing beside them', () => {
    const allowed = ['127.0.0.1/32', '10.20.0.0/16', 'fd12::/16'];
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.20.30.40', 'fd12::5', '93.184.215.14']) {
      expect(isAllowedAddress(address, allowed)).toBe(true);
    }
    for (const address of ['127.0.0.2', '::1', '10.21.0.1', 'fd13::5', '169.254.169.254']) {
      expect(isAllowedAddress(address, allowed)).toBe(false);
    }
  });
});

describe('addressOf', () => {
  it('reads the address of a URL as the WHATWG parser (and so fetch) normalises it', () => {
    expect(
      [
        'http://2130706433/',
        'http://0x7f.1/',
        'http://0177.0.0.1/',
        'http://127.1/',
        'http://127.0.0.1./',
        'http://[::ffff:127.0.0.1]/',
        'http://[0:0:0:0:0:0:0:1]:8080/',
      ].map((url) => addressOf(new URL(url))),
    ).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1', '::ffff:7f00:1', '::1']);
    expect(addressOf(new URL('https://partner.example/hooks'))).toBeUndefined();
  });
});
