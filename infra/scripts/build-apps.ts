import { ensureAppsBuilt } from '../build/app-build';

/** `npm run build:apps`: compiles the api, the worker and the libraries to dist/node when a source changed. */
ensureAppsBuilt(console.log).then(
  (outcome) => outcome === 'fresh' && console.log('dist/node is up to date'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
