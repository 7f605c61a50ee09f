// ESLint 9 flat config: one file for the whole project. Every override below says why it is there.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, installed packages, Astro's generated types and vendored copies are not our code.
    ignores: ['dist/**', 'node_modules/**', '.astro/**', 'public/vendor/**', 'public/pdf/**', 'public/fonts/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    // The core (src/lib) runs in Node and in the browser; scripts, tests and src/node run in Node. Both sets of
    // globals keep `no-undef` honest without listing each one.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused names are mistakes, but a leading underscore marks one that a signature needs
      // (`(_match, n) => …` in a replace callback).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Preact components type their JSX through Preact's own types; `h`/`Fragment` come from the automatic runtime,
    // and TypeScript (`npm run check`) already checks every name, which `no-undef` cannot do for type-only globals.
    files: ['**/*.ts', '**/*.tsx', '**/*.astro'],
    rules: { 'no-undef': 'off' },
  },
);
