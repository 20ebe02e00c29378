import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'transition-1', type: 'request.approve' });
  const now = 1_800_000_000;

  it('signs with one secret: t=<seconds>,v1=<hex>, verified with that secret only', () => {
    const header = signWebhook(['whsec_new'], now, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_new', header, body, { now })).toBe(true);
    expect(verifyWebhookSignature('whsec_old', header, body, { now })).toBe(false);
  });

  it('during a rotation carries one v1 per secret, and a receiver holding either one verifies it', () => {
    const header = signWebhook(['whsec_new', 'whsec_old'], now, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_new', header, body, { now })).toBe(true);
    expect(verifyWebhookSignature('whsec_old', header, body, { now })).toBe(true);
    expect(verifyWebhookSignature('whsec_other', header, body, { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_old', header, `${body} `, { now })).toBe(false);
  });

  it('refuses stale timestamps and malformed headers', () => {
    const header = signWebhook(['whsec_new'], now, body);
    expect(verifyWebhookSignature('whsec_new', header, body, { now: now + 301 })).toBe(false);
    expect(verifyWebhookSignature('whsec_new', 'v1=abc', body, { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_new', `t=${now}`, body, { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_new', `t=${now},v1=zz`, body, { now })).toBe(false);
  });
});
