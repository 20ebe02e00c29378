import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { serveWebConsole } from './serve-web-console';

@Controller()
class PingController {
  @Get('v1/ping')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

const INDEX = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';

async function appServing(dir: string): Promise<{ app: NestExpressApplication; served: boolean }> {
  const app = await NestFactory.create<NestExpressApplication>(PingModule, { logger: false });
  const served = serveWebConsole(app, dir);
  await app.init();
  return { app, served };
}

describe('the web console served by the api', () => {
  const dist = mkdtempSync(join(tmpdir(), 'liaison-web-dist-'));
  let app: NestExpressApplication;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("liaison")');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ app } = await appServing(dist));
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and every console path with index.html, never cached', async () => {
    for (const path of ['/', '/requests', '/requests/0192f0c4-aaaa-7bbb-8ccc-123456789abc', '/admin', '/board?x=1']) {
      const response = await request(app.getHttpServer()).get(path).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets for a year and other files for revalidation', async () => {
    const script = await request(app.getHttpServer()).get('/assets/index-abc123.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await request(app.getHttpServer()).get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with 404 rather than the page', async () => {
    const response = await request(app.getHttpServer()).get('/assets/index-gone.js').expect(404);
    expect(response.text).not.toBe(INDEX);
  });

  it('leaves the API paths to the api', async () => {
    await request(app.getHttpServer()).get('/v1/ping').expect(200, { pong: true });
    for (const path of ['/v1/nothing-here', '/docs/nothing', '/health/x', '/metrics/x', '/admin/queues/x']) {
      const response = await request(app.getHttpServer()).get(path).expect(404);
      expect(response.text).not.toBe(INDEX);
    }
  });

  it('answers only reads: a POST to a console path is not the page', async () => {
    const response = await request(app.getHttpServer()).post('/requests').expect(404);
    expect(response.text).not.toBe(INDEX);
  });
});

describe('the api without a console build', () => {
  it('starts and serves the API only', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'liaison-web-none-'));
    const { app, served } = await appServing(empty);
    try {
      expect(served).toBe(false);
      await request(app.getHttpServer()).get('/v1/ping').expect(200);
      await request(app.getHttpServer()).get('/').expect(404);
    } finally {
      await app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
