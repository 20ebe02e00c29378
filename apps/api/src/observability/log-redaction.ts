const REDACTED = '[redacted]';
const ERROR_CODE = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * A request's URL as logs may keep it: the path and the names of the query parameters, never their values (search
 * terms, names, references). A parameter without `=` may itself be a value: it is redacted whole.
 */
export function redactedUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const parameters = url
    .slice(start + 1)
    .split('&')
    .filter((parameter) => parameter !== '')
    .map((parameter) =>
      parameter.includes('=') ? `${parameter.slice(0, parameter.indexOf('='))}=${REDACTED}` : REDACTED,
    );
  return `${url.slice(0, start)}?${parameters.join('&')}`;
}

export interface LoggedError {
  type: string;
  code?: string;
  /** The stack frames only: the first line of a stack repeats the message. */
  frames: string[];
  causes: { type: string; code?: string }[];
}

/**
 * What a log keeps of an unexpected error: its name, code and stack frames, and its causes' names and codes. Never
 * a message or other properties: they may quote the request (a field value, a SQL statement with its parameters).
 */
export function errorForLog(error: unknown): LoggedError {
  const causes: LoggedError['causes'] = [];
  for (let cause = causeOf(error), depth = 0; cause !== undefined && depth < 5; cause = causeOf(cause), depth += 1) {
    causes.push(identify(cause));
  }
  return { ...identify(error), frames: framesOf(error), causes };
}

/**
 * The "at ..." lines after the stack's first line, which V8 writes as the error's toString() ("Name: message",
 * possibly over several lines): a stack that does not start with it is left out whole.
 */
function framesOf(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
  const header = Error.prototype.toString.call(error);
  if (!error.stack.startsWith(header)) return [];
  return error.stack
    .slice(header.length)
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
}

/** The error's name (its class's when the name looks like anything else) and its code when it is one. */
function identify(error: unknown): { type: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const type = ERROR_CODE.test(error.name) ? error.name : error.constructor.name;
  const code = String((error as { code?: unknown }).code ?? '');
  return ERROR_CODE.test(code) ? { type, code } : { type };
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}
