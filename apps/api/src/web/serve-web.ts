import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's top: the nearest folder above with a package.json (from the sources, or from dist/apps/<app>). */
function repositoryRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return process.cwd();
}

/** WEB_ROOT, else dist/web at the top of the repository (webpack keeps __dirname, so this holds in the bundles too). */
export function webRootOf(config: { WEB_ROOT?: string }): string {
  return config.WEB_ROOT ?? join(repositoryRoot(__dirname), 'dist', 'web');
}

/** Whether a built web app is there to be served. */
export function webAppBuilt(root: string | null): boolean {
  return !!root && existsSync(join(root, 'index.html'));
}

const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'Không tìm thấy.' };

/**
 * Serves the built web app (apps/web → dist/web) at `/` when it has been built. The screens
 * route in the browser, so any other path without a file extension answers index.html; `/api/…`
 * stays the API's, and an unknown API path is the API's JSON 404, never the page.
 */
export async function serveWeb(app: NestFastifyApplication, root: string | null, options: { sourceMaps: boolean } = { sourceMaps: true }): Promise<boolean> {
  if (!root || !webAppBuilt(root)) return false;
  await app.register(fastifyStatic, {
    root,
    // source maps (WEB_SOURCE_MAPS, off in production by default) answer 404 like any missing file
    allowedPath: (path: string) => options.sourceMaps || !path.endsWith('.map'),
    wildcard: false, // one route per built file; the fallback below takes the rest
    setHeaders: (res, path) => {
      // hashed bundles never change; index.html must be re-read to pick up a new build
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (path === '/api' || path.startsWith('/api/') || lastSegment.includes('.')) {
      return reply.code(404).type('application/json; charset=utf-8').send(NOT_FOUND);
    }
    return reply.sendFile('index.html');
  });
  return true;
}
