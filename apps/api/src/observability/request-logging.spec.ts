import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Body, Controller, type INestApplication, Post, Query } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Logger, LoggerModule } from 'nestjs-pino';
import request from 'supertest';
import { loadConfig } from '@liaison/platform';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { requestLogOptions } from './logger.module';

/** A bug that quotes its input: what a 500 must not carry into the logs. */
@Controller('v1/things')
class QuotingController {
  @Post()
  file(@Body() body: { name: string }, @Query('q') q: string): never {
    throw Object.assign(new Error(`cannot file ${body.name} (searched ${q})`, { cause: new Error(body.name) }), {
      code: 'XX000',
      query: `insert into thing (name) values ('${body.name}')`,
    });
  }
}

describe('request logs and the 500 handler', () => {
  const lines: Record<string, unknown>[] = [];
  const output: string[] = [];
  let app: INestApplication;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk.toString());
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({ LIAISON_DEVELOPMENT: '1', LOG_LEVEL: 'info' });
    const moduleRef = await Test.createTestingModule({
      imports: [LoggerModule.forRoot({ pinoHttp: [requestLogOptions(config), destination] })],
      controllers: [QuotingController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
  });

  afterAll(() => app.close());

  it('keep the request id and leave out the query values, the body, the headers and the error message', async () => {
    const marker = `marker-${randomUUID()}`;
    const id = `trace-${randomUUID()}`;
    const response = await request(app.getHttpServer())
      .post(`/v1/things?q=${marker}&limit=5`)
      .set('X-Request-Id', id)
      .set('Authorization', `Bearer ${marker}`)
      .set('Cookie', `session=${marker}`)
      .send({ name: marker })
      .expect(500);
    expect(response.body).toMatchObject({ requestId: id });
    await until(() => lines.some((line) => line['req'] && (line['res'] as { statusCode?: number })?.statusCode));

    expect(output.join('')).not.toContain(marker);
    const mine = lines.filter((line) => JSON.stringify(line).includes(id));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const unexpected = mine.find((line) => line['msg'] === 'unexpected error') as { error: Record<string, unknown> };
    expect(unexpected.error).toMatchObject({ type: 'Error', code: 'XX000', causes: [{ type: 'Error' }] });
    expect((unexpected.error['frames'] as string[]).length).toBeGreaterThan(0);
    const completed = mine.find((line) => line['res']) as { req: Record<string, unknown> };
    expect(completed.req).toEqual({ id, method: 'POST', url: '/v1/things?q=[redacted]&limit=[redacted]' });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
