import type { LiaisonConfig } from './liaison-config';

/** pino options shared by the api and the worker: level, and pretty lines on a developer's terminal. */
export function pinoOptions(config: LiaisonConfig) {
  return {
    level: config.logLevel,
    transport: config.logPretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } }
      : undefined,
  };
}
