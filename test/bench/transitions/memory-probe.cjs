// Plain JavaScript: the apps run compiled, without the TypeScript runner this probe would otherwise bring along.
/**
 * Preloaded (`-r`) into the apps by the benchmarks: on the IPC message `bench:memory` the process answers with
 * where its memory is (resident set, V8 heap by space, external buffers), then the heap used after a full garbage
 * collection (what is live, as opposed to garbage V8 has not collected yet).
 */
const { runInNewContext } = require('node:vm');
const { getHeapSpaceStatistics, setFlagsFromString } = require('node:v8');

process.on('message', (message) => {
  if (message !== 'bench:memory' || !process.send) return;
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
  setFlagsFromString('--expose-gc');
  runInNewContext('gc')();
  const liveHeap = process.memoryUsage().heapUsed;
  process.send({ type: 'bench:memory', usage, spaces, liveHeap });
});
