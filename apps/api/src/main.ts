import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitOnInvalidEnvironment, LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  exitOnInvalidEnvironment('api');
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true }),
  );
  const { port } = app.get<LiaisonConfig>(LIAISON_CONFIG);
  await app.listen(port, '0.0.0.0');
}

void bootstrap();
