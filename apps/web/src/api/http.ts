import { tokenStore, type Tokens } from '../auth/token-store';
import { ApiProblem, parseRetryAfter, type ProblemBody } from './api-problem';

export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** The version read before the change: sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  signal?: AbortSignal;
  /** false for the sign-in calls themselves. */
  authenticated?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

type ExpiryListener = () => void;
const expiryListeners = new Set<ExpiryListener>();
let expired = false;
tokenStore.subscribe((tokens) => {
  if (tokens) expired = false;
});

/** The last session ended because its tokens no longer worked (not by signing out). */
export function sessionHasExpired(): boolean {
  return expired;
}

/** Told when the refresh token no longer works: the console goes back to sign-in with a notice. */
export function onSessionExpired(listener: ExpiryListener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `/v1${path}${search ? `?${search}` : ''}`;
}

const STEP_UP_REQUIRED = 'https://liaison.example/problems/step-up-required';
type StepUpHandler = () => Promise<boolean>;
let stepUpHandler: StepUpHandler | null = null;

/** Asked when an action needs the second factor again (403 step-up-required): true once the user has given it. */
export function onStepUpRequired(handler: StepUpHandler): () => void {
  stepUpHandler = handler;
  return () => {
    if (stepUpHandler === handler) stepUpHandler = null;
  };
}

/**
 * One call to the `/v1` API: JSON in and out, bearer token, one refresh and retry on 401, one step-up and retry on
 * 403 step-up-required, problems thrown.
 */
export async function call<T>(path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  try {
    return await callOnce<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 403 || error.problem.type !== STEP_UP_REQUIRED) throw error;
    if (!stepUpHandler || !(await stepUpHandler())) throw error;
    return callOnce<T>(path, options);
  }
}

async function callOnce<T>(path: string, options: CallOptions): Promise<ApiResponse<T>> {
  const authenticated = options.authenticated !== false;
  const first = await send(path, options, authenticated ? tokenStore.get() : null);
  if (first.status !== 401 || !authenticated || !tokenStore.get()) return read<T>(first);
  const refreshed = await refreshTokens();
  if (!refreshed) {
    expireSession();
    return read<T>(first);
  }
  return read<T>(await send(path, options, refreshed));
}

export const api = {
  get: async <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> =>
    (await call<T>(path, { query, signal })).data,
  post: <T>(path: string, body?: unknown, options: Omit<CallOptions, 'body' | 'method'> = {}) =>
    call<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown, options: Omit<CallOptions, 'body' | 'method'> = {}) =>
    call<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options: Omit<CallOptions, 'body' | 'method'> = {}) =>
    call<T>(path, { ...options, method: 'PATCH', body }),
  delete: (path: string, options: Omit<CallOptions, 'body' | 'method'> = {}) =>
    call<void>(path, { ...options, method: 'DELETE' }),
};

async function send(path: string, options: CallOptions, tokens: Tokens | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, { title: 'Network failure', detail: 'The server could not be reached.' });
  }
}

async function read<T>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem: ProblemBody = typeof body === 'object' && body !== null ? (body as ProblemBody) : { detail: text };
    throw new ApiProblem(response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
  }
  return { data: body as T, etag: response.headers.get('etag'), status: response.status };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

let refreshing: Promise<Tokens | null> | null = null;

/** Rotates the refresh token once for all the calls that met a 401 together (a spent token revokes the sign-in). */
export function refreshTokens(): Promise<Tokens | null> {
  refreshing ??= doRefresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function doRefresh(): Promise<Tokens | null> {
  const tokens = tokenStore.get();
  if (!tokens) return null;
  try {
    const response = await fetch(buildUrl('/auth/refresh'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    if (!response.ok) return null;
    const pair = (await response.json()) as Tokens;
    const next = { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
    tokenStore.set(next);
    return next;
  } catch {
    return null;
  }
}

function expireSession(): void {
  expired = true;
  tokenStore.set(null);
  expiryListeners.forEach((listener) => listener());
}
