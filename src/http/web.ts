// The browser app on the API's own port: hashed assets from web/dist/assets (brotli or gzip as the
// browser accepts, from the copies the build made; cached for a year, immutable), index.html for
// every address under /console and portal.html under /returns, so the client-side router can take it
// from there and a customer never downloads the console.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from './problems.ts';

/** Where `npm run build:web` writes, found from this file so any working directory serves it. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const PAGES = [
  { urls: ['/console', '/console/*'], file: 'index.html' },
  { urls: ['/returns', '/returns/*'], file: 'portal.html' },
];

export async function registerWeb(app: FastifyInstance, opts: { distDir: string }): Promise<void> {
  const distDir = resolve(opts.distDir);
  await app.register(fastifyStatic, {
    root: join(distDir, 'assets'),
    prefix: '/assets/',
    // File names carry a content hash, so a cached copy can never be stale.
    immutable: true,
    maxAge: '365d',
    index: false,
    // web/precompress.ts wrote .br and .gz beside each text asset at build time
    preCompressed: true,
    // Before the first build the folder is missing; `npm start` builds it, tests may not need it.
    suppressWarning: true,
  });

  const sendPage = (reply: FastifyReply, file: string) => {
    if (!existsSync(join(distDir, file)))
      return sendProblem(reply, 'not_found', 'The web app is not built: run `npm run build:web`');
    // Always revalidated: it names the current hashed assets, so a deploy shows up at once.
    return reply.header('cache-control', 'no-cache').sendFile(file, distDir, { cacheControl: false });
  };
  for (const page of PAGES)
    for (const url of page.urls)
      app.get(url, { schema: { hide: true } }, (_request, reply) => sendPage(reply, page.file));
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console'));
}
