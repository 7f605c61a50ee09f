/** The small fixture site the build tests build (tests/build/*.test.ts), and a way to compare two outputs. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../../src/node/paths.ts';

/** Every file under `dir` with the SHA-256 of its bytes, sorted by path. */
export function snapshot(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
  return new Map(
    files.map((f) => [
      f,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/**
 * A small site from the real content: one reference model (SCOPE 2012), the clauses it maps (their sources
 * narrowed to it), its rebuild, and a copy of that protocol for another school: three PDFs.
 */
export function makeFixtureContent(dir: string): void {
  const KEEP = 'scope-2012';
  const src = path.join(ROOT, 'content');
  fs.mkdirSync(path.join(dir, 'protocols'), { recursive: true });
  fs.copyFileSync(path.join(src, 'choice-points.yaml'), path.join(dir, 'choice-points.yaml'));
  fs.cpSync(path.join(src, 'reference-models', KEEP), path.join(dir, 'reference-models', KEEP), { recursive: true });
  for (const f of fs.readdirSync(path.join(src, 'clauses'), { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!f.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(src, 'clauses', f), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const data = parse(front!) as { sources?: { model: string }[]; basis?: unknown[] };
    const sources = (data.sources ?? []).filter((x) => x.model === KEEP);
    if (!sources.length) continue;
    data.sources = sources;
    fs.mkdirSync(path.dirname(path.join(dir, 'clauses', f)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'clauses', f), `---\n${stringify(data)}---\n${body}`);
  }
  const rebuild = fs.readFileSync(path.join(src, 'protocols', `${KEEP}.yaml`), 'utf8');
  fs.writeFileSync(path.join(dir, 'protocols', `${KEEP}.yaml`), rebuild);
  fs.writeFileSync(
    path.join(dir, 'protocols', 'de-kopie.yaml'),
    rebuild.replace(/^ {2}name: .*$/m, '  name: Basisschool De Kopie'),
  );
}
