import { loadNotificationsConfig } from './notifications-config';

describe('loadNotificationsConfig', () => {
  it('uses the development defaults under the development setting when the environment is empty', () => {
    const config = loadNotificationsConfig({ LIAISON_DEVELOPMENT: '1' });
    expect(config.relay).toEqual({ pollMs: 2000, gatherMs: 0, batchSize: 200, publishTimeoutMs: 5000 });
    expect(config.webhooks).toEqual({
      timeoutMs: 10_000,
      attempts: 13,
      backoffMs: 30_000,
      allowHttp: true,
      allowedNetworks: [],
      secretOverlapMs: 86_400_000,
    });
    expect(config.smtp).toMatchObject({
      host: null,
      port: 587,
      secure: false,
      from: 'Liaison <no-reply@liaison.example>',
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('allows http webhooks outside development only when told to, and trims the public URL', () => {
    expect(loadNotificationsConfig({ NODE_ENV: 'production' }).webhooks.allowHttp).toBe(false);
    expect(loadNotificationsConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_HTTP: '1' }).webhooks.allowHttp).toBe(true);
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(loadNotificationsConfig({ NODE_ENV }).webhooks.allowHttp).toBe(false);
      expect(loadNotificationsConfig({ NODE_ENV, LIAISON_DEVELOPMENT: '1' }).webhooks.allowHttp).toBe(true);
    }
    expect(loadNotificationsConfig({ PUBLIC_URL: 'https://liaison.example/' }).publicUrl).toBe(
      'https://liaison.example',
    );
  });

  it('lets webhooks reach no local network unless told which', () => {
    expect(loadNotificationsConfig({ NODE_ENV: 'test' }).webhooks.allowedNetworks).toEqual([]);
    expect(
      loadNotificationsConfig({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1, ::1/128' }).webhooks.allowedNetworks,
    ).toEqual(['127.0.0.1/32', '::1/128']);
    expect(() => loadNotificationsConfig({ WEBHOOK_ALLOWED_NETWORKS: 'localhost' })).toThrow(
      /WEBHOOK_ALLOWED_NETWORKS/,
    );
  });

  it('refuses wrong values, naming each', () => {
    expect(() =>
      loadNotificationsConfig({ OUTBOX_POLL_MS: 'abc', SMTP_PORT: '0', PUBLIC_URL: 'liaison.example' }),
    ).toThrow(
      /OUTBOX_POLL_MS must be a positive integer \(at most 2147483647\), got "abc"[\s\S]*SMTP_PORT[\s\S]*PUBLIC_URL/,
    );
  });
});
