// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { addCspToSite } from './src/node/csp.ts';

// A static site: every page is built ahead of time; no server, no database (README: "What Protocolwijzer is").
// PROTOCOLWIJZER_OUT lets the benchmark build a generated site elsewhere without touching dist/.
// Preact renders the one interactive island, the wizard at /samenstellen/ (README: "The wizard").
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  output: 'static',
  outDir: process.env.PROTOCOLWIJZER_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Preact renders the wizard island; MDX renders the handleiding (content/docs/*.mdx), which may embed real clauses and diffs.
  // Every page gets a Content-Security-Policy <meta> with the hashes of its inline scripts (src/node/csp.ts).
  integrations: [
    preact(),
    mdx(),
    {
      name: 'protocolwijzer-csp',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          logger.info(`Content-Security-Policy op ${addCspToSite(fileURLToPath(dir))} pagina's`);
        },
      },
    },
  ],
});
