import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run build` puts the dashboard: dist/web, from the sources (tests) and from dist/ alike. */
export function defaultWebRoot(): string {
  const project = path.resolve(__dirname, '../..');
  return path.basename(project) === 'dist' ? path.join(project, 'web') : path.join(project, 'dist', 'web');
}

/** The dashboard's pages: the app routes in the browser, so each of these answers with index.html. */
export const PAGE_PATHS = ['/', '/runs', '/runs/*', '/securities', '/securities/*', '/schedules', '/import'];

/**
 * The web dashboard at `/`: hashed assets under /assets (cached for good), and index.html for every page path
 * (history-API routing), so a reload or a shared link opens the page. Public reads, hidden from the OpenAPI
 * document. Encapsulated (no fastify-plugin): its `sendFile` decorator stays out of the Swagger UI's way.
 */
const staticPlugin: FastifyPluginAsync<{ root?: string }> = async (fastify, { root = defaultWebRoot() }) => {
  const index = path.join(root, 'index.html');
  const routeOptions = { schema: { hide: true }, config: { public: true } };
  if (!existsSync(index)) {
    fastify.log.warn({ root }, 'the web dashboard is not built; `npm run build` makes it');
    for (const url of PAGE_PATHS) {
      fastify.get(url, routeOptions, async (_request, reply) =>
        reply.code(404).send({
          error: 'not_found',
          message: 'The dashboard is not built on this server: run `npm run build` (it makes dist/web).',
        }),
      );
    }
    return;
  }
  await fastify.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    // File names carry a content hash: a new build is a new name, so browsers may keep these for good.
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  for (const url of PAGE_PATHS) {
    fastify.get(url, routeOptions, async (_request, reply) =>
      // no-cache: the page must name the current build's assets after a deploy.
      reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false }),
    );
  }
};

export default staticPlugin;
