import { Test, type TestingModule } from '@nestjs/testing';
import { WorkerModule } from '@liaison/worker/worker.module';

/** The real worker application (its BullMQ processors start on init), in this test process. */
export async function startWorker(): Promise<TestingModule> {
  const worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
  return worker;
}
