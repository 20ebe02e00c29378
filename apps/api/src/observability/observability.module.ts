import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics } from 'prom-client';
import { LIAISON_CONFIG, MetricsServer, type LiaisonConfig } from '@liaison/platform';
import { HTTP_REQUEST_DURATION, HttpMetricsMiddleware } from './http-metrics.middleware';

// The process's CPU, memory and event-loop metrics: once, when the module is loaded.
collectDefaultMetrics();

@Module({
  providers: [
    makeHistogramProvider({
      name: HTTP_REQUEST_DURATION,
      help: 'Duration of HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    HttpMetricsMiddleware,
    // `/metrics` on METRICS_PORT (METRICS_HOST, loopback by default), never on the API's port.
    {
      provide: MetricsServer,
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => new MetricsServer(config.metrics),
    },
  ],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
