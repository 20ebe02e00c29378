/**
 * Node/V8 flags for the apps' processes: the launcher (`npm start`) and the benchmarks start the api and the worker
 * with them; a deployment passes the same (e.g. `NODE_OPTIONS=--max-semi-space-size=16`). Left alone, V8 grows the
 * young generation to 64 MiB per semi-space on a machine with much memory, resident memory spent on short-lived
 * garbage that a 16 MiB semi-space collects just as well (scavenges stay short; they only come more often). The
 * figures are in test/bench/transitions/README.md.
 */
export const APP_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
