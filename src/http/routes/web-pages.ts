import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../errors.js';

/**
 * The built pages (`npm run build` puts them in dist/web). This file sits three folders below the
 * project root both as source (src/http/routes) and compiled (dist/http/routes).
 */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * The pages' Content-Security-Policy: scripts and styles only from our own files (Vite emits no
 * inline script or style), calls only to this origin, never inside a frame.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * `/` (the generator) and `/admin` (the dashboard), with their hashed assets under `/assets/`.
 * The pages hold no secret: keys are typed in and sent by the page's script in a header.
 * Without a build, `/` keeps the earlier behaviour (a redirect to the docs).
 */
export function webPageRoutes(root = WEB_ROOT) {
  return async function webPageRoutesPlugin(app: FastifyInstance) {
    const built = existsSync(`${root}index.html`);
    app.addHook('onSend', async (_request, reply) => {
      reply.headers(PAGE_HEADERS);
    });
    // The earlier service's web page lived at /static/index.html; its bookmarks land on the new page.
    app.get('/static/index.html', { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/', 301),
    );
    if (!built) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/docs', 307));
      app.get('/admin', { schema: { hide: true } }, async () => {
        throw notFound('The web pages are not built: run npm run build');
      });
      return;
    }
    await app.register(fastifyStatic, {
      root: `${root}assets`,
      prefix: '/assets/',
      index: false,
      wildcard: true,
      // File names carry a content hash, so a browser may keep them for good.
      immutable: true,
      maxAge: '365d',
    });
    const page = (file: string) => async (_request: unknown, reply: FastifyReply) =>
      reply.header('Cache-Control', 'no-cache').sendFile(file, root);
    app.get('/', { schema: { hide: true } }, page('index.html'));
    app.get('/admin', { schema: { hide: true } }, page('admin/index.html'));
  };
}
