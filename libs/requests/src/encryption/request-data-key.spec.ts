import { randomBytes } from 'node:crypto';
import { MasterKeyring } from '@liaison/platform';
import { rewrapDataKey } from '../persons/encryption/identity-envelope';
import { newRequestKey, openRequestKey, openValue, RequestDecryptionError, sealValue } from './request-data-key';

describe("a request's data key and sealed values", () => {
  const requestId = '0193a1b2-0000-7000-8000-000000000010';
  const keyring = new MasterKeyring(randomBytes(32));

  it('seals a value bound to its request and slot, padded, and opens it with the unwrapped key', () => {
    const { dataKey, wrapped } = newRequestKey(requestId, keyring.current);
    const sealed = sealValue(dataKey, requestId, 'content', { summaryOfFacts: 'MARKER-facts' });
    expect(sealed.includes(Buffer.from('MARKER'))).toBe(false);
    expect((sealed.length - 28) % 256).toBe(0);
    const opened = openRequestKey(requestId, wrapped, keyring);
    expect(openValue(opened, requestId, 'content', sealed)).toEqual({ summaryOfFacts: 'MARKER-facts' });
    expect(() => openValue(opened, requestId, 'note:x', sealed)).toThrow(RequestDecryptionError);
    expect(() => openValue(opened, '0193a1b2-0000-7000-8000-000000000011', 'content', sealed)).toThrow(
      RequestDecryptionError,
    );
    expect(() => openRequestKey('0193a1b2-0000-7000-8000-000000000011', wrapped, keyring)).toThrow(
      RequestDecryptionError,
    );
  });

  it('is re-wrapped by rotation without touching what it sealed, and a person key does not pass for it', () => {
    const { dataKey, wrapped } = newRequestKey(requestId, keyring.current);
    const sealed = sealValue(dataKey, requestId, 'content', { purpose: 'x' });
    const next = new MasterKeyring(randomBytes(32), [keyring.current.key]);
    const rewrapped = rewrapDataKey(requestId, wrapped, next, next.current, 'request');
    const opened = openRequestKey(requestId, rewrapped, new MasterKeyring(next.current.key));
    expect(openValue(opened, requestId, 'content', sealed)).toEqual({ purpose: 'x' });
    expect(() => rewrapDataKey(requestId, wrapped, next, next.current, 'person')).toThrow();
  });
});
