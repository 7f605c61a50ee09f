import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the project root (the folder holding `package.json`). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the `content/` folder, or of `PROTOCOLWIJZER_CONTENT` when set (tests use fixture folders). */
export function contentDir(): string {
  return process.env.PROTOCOLWIJZER_CONTENT
    ? path.resolve(process.env.PROTOCOLWIJZER_CONTENT)
    : path.join(ROOT, 'content');
}

/** A path relative to the project root, for messages. */
export function rel(p: string): string {
  return path.relative(ROOT, p) || '.';
}

/**
 * The site's one font file (Atkinson Hyperlegible, latin, regular) as installed: prebuild serves it from
 * `public/fonts/`, and the publication package embeds it in the family page.
 */
export const SITE_FONT = path.join(
  ROOT,
  'node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2',
);
