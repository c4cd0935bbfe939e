// Builds the two pages (the generator at `/`, the dashboard at `/admin`) into dist/web, which the
// server serves itself. Every script and style is an external file: the pages' CSP forbids inline ones.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // The preload polyfill would be an inline script; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 250,
    rollupOptions: {
      input: { generator: here('index.html'), admin: here('admin/index.html') },
    },
  },
  logLevel: 'warn',
});
