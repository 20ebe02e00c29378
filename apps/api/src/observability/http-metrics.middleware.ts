import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';

export const HTTP_REQUEST_DURATION = 'liaison_http_request_duration_seconds';

/** Times every request by route pattern (not raw path, so ids do not explode the label set). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_REQUEST_DURATION) private readonly duration: Histogram<string>) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.duration.startTimer();
    response.on('finish', () => {
      const route = request.route ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
