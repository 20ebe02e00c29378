/** The public API of a running stack as demo users: what a test arranges before looking at the console. */
export interface StackClient {
  token: (email: string) => Promise<string>;
  get: <T = Record<string, unknown>>(email: string, path: string) => Promise<T>;
  post: <T = Record<string, unknown>>(email: string, path: string, body?: unknown) => Promise<T>;
  patch: <T = Record<string, unknown>>(email: string, path: string, body: unknown) => Promise<T>;
  /** The raw answer, for calls expected to fail. */
  send: (email: string, method: string, path: string, body?: unknown) => Promise<Response>;
}

export function stackClient(baseUrl: string, password: string): StackClient {
  const tokens = new Map<string, Promise<string>>();
  const token = (email: string) => {
    if (!tokens.has(email)) tokens.set(email, login(baseUrl, email, password));
    return tokens.get(email) as Promise<string>;
  };
  const send = async (email: string, method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(email)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const expectOk = async <T>(method: string, email: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(email, method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${email}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    token,
    send,
    get: (email, path) => expectOk('GET', email, path),
    post: (email, path, body = {}) => expectOk('POST', email, path, body),
    patch: (email, path, body) => expectOk('PATCH', email, path, body),
  };
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
