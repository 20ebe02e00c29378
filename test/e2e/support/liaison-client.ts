import type { ApiHarness } from './api-harness';

export type Tokens = Record<string, string>;

/** A thin client over the public API for walking requests through their workflows as named users. */
export function liaisonClient(api: ApiHarness, tokens: Tokens) {
  const as = (who: string) => {
    const token = tokens[who];
    if (!token) throw new Error(`no token for ${who}`);
    return token;
  };
  return {
    file: (who: string, body: object) => api.http().post('/v1/requests').auth(as(who), { type: 'bearer' }).send(body),
    addPerson: (who: string, requestId: string, body: object) =>
      api.http().post(`/v1/requests/${requestId}/persons`).auth(as(who), { type: 'bearer' }).send(body),
    attach: (who: string, requestId: string, name: string, content: string) =>
      api
        .http()
        .post(`/v1/requests/${requestId}/attachments`)
        .auth(as(who), { type: 'bearer' })
        .attach('file', Buffer.from(content), { filename: name, contentType: 'text/plain' }),
    get: (who: string, requestId: string) =>
      api.http().get(`/v1/requests/${requestId}`).auth(as(who), { type: 'bearer' }),
    history: (who: string, requestId: string) =>
      api.http().get(`/v1/requests/${requestId}/history`).auth(as(who), { type: 'bearer' }),
    send: (who: string, requestId: string, event: string, payload: object = {}) =>
      api
        .http()
        .post(`/v1/requests/${requestId}/transitions`)
        .auth(as(who), { type: 'bearer' })
        .send({ event, payload }),
  };
}

export const isoDate = (offsetDays = 0): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
