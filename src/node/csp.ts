import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** An inline `<script>` (one without `src`): its attributes and its text exactly as in the file. */
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy of one page: everything from the site itself only (no other host can be reached
 * or run code: families' privacy and the review attack-2026-11, failure 14); inline scripts only by their SHA-256
 * hash; no plugins, no `<base>` elsewhere, forms only to the site. Inline styles are allowed: Astro inlines the
 * page's stylesheet and Paged.js writes its page styles at run time, and a style cannot run code. A page that uses
 * the search index (Pagefind, WebAssembly) also gets `'wasm-unsafe-eval'`.
 *
 * @param html the page.
 * @returns the policy, e.g. `default-src 'self'; script-src 'self' 'sha256-…'; …`.
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.add(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  const wasm = html.includes('/pagefind/') ? ["'wasm-unsafe-eval'"] : [];
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...wasm, ...[...hashes].sort()].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Puts a `<meta http-equiv="Content-Security-Policy">` with {@link contentSecurityPolicy} at the top of the page's
 * `<head>` (after `<meta charset>`), before any script, so it covers all of them. A page that has one already gets
 * it replaced.
 *
 * @param html a whole HTML page.
 * @returns the page with its policy; a fragment without `<head>` is returned unchanged.
 */
export function addCspMeta(html: string): string {
  const clean = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(clean)}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(clean);
  if (charset)
    return clean.slice(0, charset.index + charset[0].length) + meta + clean.slice(charset.index + charset[0].length);
  const head = /<head(\s[^>]*)?>/i.exec(clean);
  if (!head) return html;
  return clean.slice(0, head.index + head[0].length) + meta + clean.slice(head.index + head[0].length);
}

/**
 * Gives each Astro island (`<astro-island uid="…">`) an id that depends only on the page: Astro hashes the
 * component's absolute file path into it, so a checkout elsewhere would give other bytes. The id only pairs an
 * island with its own slots and hydration on the page, so its number in page order serves as well.
 *
 * @param html a whole HTML page.
 * @returns the page with ids `i0`, `i1`, … in place of Astro's.
 */
export function stableIslandIds(html: string): string {
  const ids = new Map<string, string>();
  for (const m of html.matchAll(/<astro-island uid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `i${ids.size}`);
  let out = html;
  for (const [from, to] of ids) out = out.split(`"${from}"`).join(`"${to}"`);
  return out;
}

/**
 * Finishes every `.html` file under `dir` (the built site), in place: stable island ids ({@link stableIslandIds}),
 * then the policy ({@link addCspMeta}).
 *
 * @returns how many pages were given a policy.
 */
export function addCspToSite(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.html')) continue;
    const file = path.join(dir, f);
    const html = fs.readFileSync(file, 'utf8');
    const out = addCspMeta(stableIslandIds(html));
    if (out !== html) {
      fs.writeFileSync(file, out);
      n++;
    }
  }
  return n;
}
