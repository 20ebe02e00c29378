/**
 * The session's tokens: in memory, mirrored to sessionStorage so that a reload keeps the tab signed in.
 * Nothing else is stored in the browser: no user, agency or request data (docs/architecture.md,
 * Trust boundaries).
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const STORAGE_KEY = 'liaison.tokens';
type Listener = (tokens: Tokens | null) => void;

let current: Tokens | null = readStored();
const listeners = new Set<Listener>();

function readStored(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Tokens>;
    return parsed.accessToken && parsed.refreshToken
      ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
      : null;
  } catch {
    return null;
  }
}

export const tokenStore = {
  get: (): Tokens | null => current,
  set(tokens: Tokens | null): void {
    current = tokens;
    if (tokens) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else sessionStorage.removeItem(STORAGE_KEY);
    listeners.forEach((listener) => listener(tokens));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
