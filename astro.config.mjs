// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// A static site: every page is built ahead of time; no server, no database (README: "What Protocolwijzer is").
// PROTOCOLWIJZER_OUT lets the benchmark build a generated site elsewhere without touching dist/.
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  output: 'static',
  outDir: process.env.PROTOCOLWIJZER_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // The handleiding (content/docs/*.mdx) may embed real clauses and diffs as components.
  integrations: [mdx()],
});
