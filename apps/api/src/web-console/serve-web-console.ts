import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Where `vite build` puts the console (apps/web/dist): found upwards from this file, which runs from the sources
 * (apps/api/src/web-console) or from the compiled apps (dist/node/apps/api/src/web-console).
 */
export const WEB_CONSOLE_DIR = consoleBuildAbove(__dirname);

function consoleBuildAbove(folder: string): string {
  const candidate = join(folder, 'apps', 'web');
  if (existsSync(join(candidate, 'index.html')) || dirname(folder) === folder) return join(candidate, 'dist');
  return consoleBuildAbove(dirname(folder));
}

/** Paths the api answers itself: never a console file, never the console's index.html. */
const API_PREFIXES = ['/v1', '/docs', '/docs-json', '/admin/queues', '/health', '/metrics'];

/** Vite names the files under assets/ by their content hash: they never change, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web console at `/`, and its index.html for any other page path (the console routes in the
 * browser). Without a build (no index.html in `dir`) the api serves the API only and says so.
 */
export function serveWebConsole(app: NestExpressApplication, dir = WEB_CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (response, path) =>
      response.setHeader('Cache-Control', path.startsWith(join(dir, 'assets')) ? IMMUTABLE : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path) || !['GET', 'HEAD'].includes(request.method)) return next();
    files(request, response, () => {
      // A missing file (`/assets/gone.js`) is a 404, not the page: only extension-less paths are console pages.
      if (extname(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index, (error) => error && next(error));
    });
  });
  return true;
}

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
