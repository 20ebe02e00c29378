import { Logger, type ArgumentsHost } from '@nestjs/common';
import { ConnectionException, DriverException } from '@mikro-orm/core';
import { DatabaseError } from 'pg';
import { ProblemDetailsFilter } from './problem-details.filter';

/** What the filter answers for `exception`: the status and the problem's type. */
function answerTo(exception: unknown): { status: number; type: string } {
  const sent: { status?: number; body?: string } = {};
  const response = {
    setHeader: () => response,
    status: (status: number) => ((sent.status = status), response),
    type: () => response,
    send: (body: string) => ((sent.body = body), response),
  };
  const request = { id: 'test-request', originalUrl: '/v1/requests/1/transitions', headers: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { status: sent.status as number, type: (JSON.parse(sent.body as string) as { type: string }).type };
}

const databaseError = (message: string, code: string) =>
  Object.assign(new DatabaseError(message, 0, 'error'), { code });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('ProblemDetailsFilter: a dependency that cannot be reached', () => {
  it.each([
    [
      'PostgreSQL starting up (raw pg error from the pool)',
      databaseError('the database system is starting up', '57P03'),
    ],
    [
      'a session ended by a fast shutdown',
      databaseError('terminating connection due to administrator command', '57P01'),
    ],
    ['too many connections', databaseError('sorry, too many clients already', '53300')],
    ['the connection refused', socketError('ECONNREFUSED')],
    ['the connection reset', socketError('ECONNRESET')],
    ['the server gone mid-query (no code)', new Error('Connection terminated unexpectedly')],
    ['the pool timing out while connecting', new Error('timeout exceeded when trying to connect')],
    ['MikroORM wrapping a refused connection', new ConnectionException(socketError('ECONNREFUSED'))],
    [
      'MikroORM wrapping a crash',
      new DriverException(databaseError('the database system is in recovery mode', '57P02')),
    ],
    ['a cause further down', new Error('query failed', { cause: new Error('Connection terminated unexpectedly') })],
    [
      'Redis away (ioredis)',
      Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
    ],
  ])('answers 503 problem+json for %s', (_case, exception) => {
    expect(answerTo(exception)).toEqual({ status: 503, type: 'https://liaison.example/problems/unavailable' });
  });

  it('still answers 500 for a bug, and for a database error that is not about reaching the server (and logs them)', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(answerTo(new TypeError("Cannot read properties of undefined (reading 'id')")).status).toBe(500);
    expect(answerTo(new DriverException(databaseError('division by zero', '22012'))).status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
