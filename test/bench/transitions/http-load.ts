/**
 * HTTP load from N keep-alive clients: closed loop (each sends its next request when the previous one answered) or
 * paced (open loop at a fixed rate).
 */
import { Agent, request as httpRequest } from 'node:http';
import { TEST_PASSWORD } from '@liaison/testing';

export const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

export interface Answer {
  status: number;
  body: string;
}

export function send(port: string | number, method: string, path: string, token?: string, body?: unknown) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<Answer>((resolveAnswer, reject) => {
    const call = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveAnswer({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

export async function login(port: string | number, email: string): Promise<string> {
  const answer = await send(port, 'POST', '/v1/auth/login', undefined, { email, password: TEST_PASSWORD });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { accessToken: string }).accessToken;
}

export interface Load {
  calls: number;
  seconds: number;
  latencies: number[];
  failures: number;
  failure?: string;
  /** CPU of this process (the load generator) per call, ms. */
  clientCpuMs: number;
}

type Call = (client: number, step: number) => Promise<Answer>;

/** `clients` loops of `steps` calls each; `call(client, step)` makes one call, expected to answer 2xx. */
export function closedLoop(clients: number, steps: number, call: Call): Promise<Load> {
  return runLoops(clients, steps, call, () => undefined);
}

/**
 * Open loop at `rate` calls/s over the same `clients` connections: client c's step s is due at
 * (s × clients + c) / rate; latency counts from that due time, so a call that waited for its client's previous one
 * is charged for the wait (no coordinated omission).
 */
export function pacedLoop(clients: number, rate: number, steps: number, call: Call): Promise<Load> {
  const start = process.hrtime.bigint();
  return runLoops(
    clients,
    steps,
    call,
    (client, step) => start + BigInt(Math.round(((step * clients + client) / rate) * 1e9)),
  );
}

async function runLoops(
  clients: number,
  steps: number,
  call: Call,
  dueAt: (client: number, step: number) => bigint | undefined,
): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  let failure: string | undefined;
  const loop = async (client: number) => {
    for (let step = 0; step < steps; step += 1) {
      const due = dueAt(client, step);
      const wait = due === undefined ? 0 : Number(due - process.hrtime.bigint()) / 1e6;
      if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
      const started = due ?? process.hrtime.bigint();
      const answer = await call(client, step);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.status < 200 || answer.status > 299) {
        failures += 1;
        failure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      }
    }
  };
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  const used = process.cpuUsage(cpu);
  return {
    calls: clients * steps,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    latencies,
    failures,
    failure,
    clientCpuMs: (used.user + used.system) / 1000 / (clients * steps),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
