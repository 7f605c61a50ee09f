// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { addCspToSite } from './src/node/csp.ts';
import { RENDER_ONLY_ENV, wizardLeftOut } from './src/node/page-plan.ts';

/**
 * Rollup does not tree-shake the server bundle, the code Astro runs once to render the pages and then throws away:
 * the pages come out byte for byte the same (a whole site of 50 protocols compared, issue 15), and a build that
 * renders one changed protocol spends about 0.4 s less CPU (of 10) in Vite. The browser's bundle is shaken as before.
 * @type {import('vite').Plugin}
 */
const serverBundleUnshaken = {
  name: 'protocolwijzer-server-bundle-unshaken',
  apply: 'build',
  config: (_config, env) => (env.isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined),
};

// A static site: every page is built ahead of time; no server, no database (README: "What Protocolwijzer is").
// PROTOCOLWIJZER_OUT lets the benchmark build a generated site elsewhere without touching dist/.
// Preact renders the one interactive island, the wizard at /samenstellen/ (README: "The wizard").
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  output: 'static',
  outDir: process.env.PROTOCOLWIJZER_OUT ?? './dist',
  // scripts/build.ts gives every build a fresh cache, so no earlier build (of other content) can change its output.
  cacheDir: process.env.PROTOCOLWIJZER_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // A build that renders only the protocols that changed copies the wizard and its bundle from the previous output
  // (src/node/page-plan.ts), so Vite need not bundle the wizard again.
  vite: { plugins: [...(process.env[RENDER_ONLY_ENV] ? [wizardLeftOut()] : []), serverBundleUnshaken] },
  // Preact renders the wizard island; MDX renders the handleiding (content/docs/*.mdx), which may embed real clauses and diffs.
  // Every page gets a Content-Security-Policy <meta> with the hashes of its inline scripts (src/node/csp.ts).
  integrations: [
    // Only the .tsx components have JSX; by default Preact's Vite plugin also runs Babel over every .ts module,
    // which costs a partial build about 1.8 s of CPU here and changes nothing in them (issue 15).
    preact({ include: ['**/*.tsx'] }),
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
