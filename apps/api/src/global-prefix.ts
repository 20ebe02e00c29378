import { RequestMethod, type INestApplication } from '@nestjs/common';

/** `/v1` before every route but the probes and the queue dashboard. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      // the read-only board only reads; POST /v1/admin/queues/:queue/failed/... are the API's own routes
      { path: 'admin/queues/*path', method: RequestMethod.GET },
    ],
  });
}
