/**
 * Preloaded (`-r`) into the api child of the transitions benchmark when it is profiled with `--cpu-prof`: Nest's
 * shutdown hooks re-raise SIGTERM after closing, so the process dies by the signal and Node never writes the
 * profile. The benchmark asks over the IPC channel instead, and a normal `process.exit` writes the .cpuprofile.
 */
process.on('message', (message) => {
  if (message === 'bench:exit') process.exit(0);
});
