import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Public } from '@liaison/auth';
import { PING_SQL, runSql } from '@liaison/data';
import { REDIS_CLIENT } from '@liaison/platform';

/** Readiness of the api: PostgreSQL and Redis answer. 503 when either does not. */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly em: EntityManager,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.probe('postgresql', () => runSql(this.em, PING_SQL)),
      () => this.probe('redis', () => this.redis.ping()),
    ]);
  }

  private probe(name: string, ping: () => Promise<unknown>) {
    return this.indicators
      .check(name)
      .attempt(async () => {
        await ping();
      })
      .withTimeout(1500);
  }
}
