import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const apiOrigin = process.env.LIAISON_API_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

// The console is served by the api at `/` in production; in development vite proxies `/v1` to the api.
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    // libs/domain is pure TypeScript: the completeness rules and the workflows run in the browser as on the server.
    alias: { '@liaison/domain': resolve(here, '../../libs/domain/src/index.ts') },
  },
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { port: 4200, proxy: { '/v1': { target: apiOrigin } } },
  preview: { port: 4300, proxy: { '/v1': { target: apiOrigin } } },
});
