import { TEST_PASSWORD } from '@liaison/testing';

export interface Answer {
  /** The HTTP status; 0 when no answer came (connection refused or reset, time-out). */
  status: number;
  contentType: string;
  headers: Headers;
  body: Record<string, unknown> | null;
  /** Why no answer came, when status is 0. */
  error?: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One HTTP call to an api process (keep-alive fetch); never throws for a missing answer, it reports status 0. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: response.headers,
      body: parsed(text),
    };
  } catch (error) {
    return { status: 0, contentType: '', headers: new Headers(), body: null, error: String(error) };
  }
}

export async function login(baseUrl: string, email: string): Promise<string> {
  const answer = await call(baseUrl, 'POST', '/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
  if (answer.status !== 200)
    throw new Error(`login of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body?.['accessToken'] as string;
}

export function sendTransition(
  baseUrl: string,
  token: string,
  requestId: string,
  event: string,
  payload: object = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  return call(baseUrl, 'POST', `/v1/requests/${requestId}/transitions`, {
    token,
    body: { event, payload },
    headers,
  });
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    return { unparsed: text.slice(0, 500) };
  }
}
