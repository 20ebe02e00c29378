import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitOnInvalidEnvironment } from '@liaison/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  exitOnInvalidEnvironment('worker');
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  worker.get(Logger).log('worker started: processing queues');
}

void bootstrap();
