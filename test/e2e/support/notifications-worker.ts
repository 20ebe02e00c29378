import { Test, type TestingModule } from '@nestjs/testing';
import { CLOCK, ManualClock } from '@liaison/notifications';
import { WorkerModule } from '@liaison/worker/worker.module';

export interface WorkerHarness {
  module: TestingModule;
  clock: ManualClock;
  close: () => Promise<void>;
}

/** The real worker in this process (relay, processors, deadline clocks), on a clock the test moves. */
export async function startNotificationsWorker(clock = new ManualClock()): Promise<WorkerHarness> {
  const module = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  module.enableShutdownHooks();
  await module.init();
  return { module, clock, close: () => module.close() };
}
