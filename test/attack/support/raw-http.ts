import { Agent, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHarness } from '../../e2e/support/api-harness';

export interface RawRequest {
  method: string;
  /** Sent as it is: not normalised, so `..` segments and odd encodings reach the server untouched. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  token?: string;
  /** Without a Content-Length: the server must enforce its limits while the body streams in. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export interface RawClient {
  send: (call: RawRequest) => Promise<RawResponse>;
  close: () => void;
}

const CHUNK = 64 * 1024;
/** Bodies this large (about the JSON limit) may be answered with 413 before they are sent: see writeLarge. */
const LARGE = 1_000_000;

/** Puts the in-process api on a loopback port (the harness only mounts it for supertest). */
export async function listen(api: ApiHarness): Promise<number> {
  await api.app.listen(0, '127.0.0.1');
  return (api.app.getHttpServer().address() as AddressInfo).port;
}

/**
 * A keep-alive HTTP/1.1 client over node:http: no URL normalisation, a bounded number of sockets; the only retry is
 * a request whose reused socket the server had closed (it never reached the server).
 */
export function rawClient(port: number, maxSockets = 8): RawClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (raw: RawRequest, retried = false): Promise<RawResponse> =>
    new Promise<RawResponse>((resolve, reject) => {
      const { method, path, headers = {}, body, token, chunked = false } = raw;
      const bytes = body === undefined ? undefined : Buffer.from(body);
      let answered = false;
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(bytes && !chunked ? { 'content-length': String(bytes.length) } : {}),
            ...(chunked ? { 'transfer-encoding': 'chunked' } : {}),
            ...headers,
          },
        },
        (incoming) => {
          answered = true;
          collect(incoming).then(resolve, reject);
        },
      );
      // a server that answers before reading the whole body closes the connection: not a failure once answered
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        // a kept-alive socket the server closed as it was reused: the request never reached it (Node's advice:
        // send it again, once, on a new socket)
        if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') send(raw, true).then(resolve, reject);
        else reject(error);
      });
      if (!bytes || bytes.length < LARGE) {
        outgoing.end(bytes);
        return;
      }
      void writeLarge(outgoing, bytes, () => answered);
    });
  return { send, close: () => agent.destroy() };
}

/**
 * A large body a chunk at a time, stopping once the server has answered. Writing on regardless would race the
 * server's close of a connection whose body it refused: the reset could discard the answer before it is read.
 */
async function writeLarge(outgoing: ReturnType<typeof request>, bytes: Buffer, answered: () => boolean) {
  for (let offset = 0; offset < bytes.length && !answered() && !outgoing.destroyed; offset += CHUNK) {
    await new Promise<void>((done) => outgoing.write(bytes.subarray(offset, offset + CHUNK), () => done()));
    if (offset === 0) await pause(200); // time for an answer from the headers alone (Content-Length over the limit)
  }
  if (!answered()) outgoing.end();
}

function collect(incoming: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('error', reject);
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({
        status: incoming.statusCode ?? 0,
        headers: incoming.headers,
        text,
        json: <T>() => JSON.parse(text) as T,
      });
    });
  });
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Runs the calls with at most `concurrency` in flight; resolves with the results in order. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

export const isProblem = (response: RawResponse): boolean =>
  /^application\/problem\+json/.test(String(response.headers['content-type'] ?? ''));
