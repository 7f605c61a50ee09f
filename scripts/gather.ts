/**
 * `npm run gather -- --out dist <share 1> <share 2> …`: puts the outputs of a sharded build
 * (`npm run build -- --shard i/n`, one folder per share, in any order) together into one site, byte-identical to a
 * build on one machine. Each share has the whole HTML site and its part of the PDFs and Word files, and a manifest
 * (src/node/shards.ts) listing every generated file of the site and the ones it made.
 *
 * Checks before writing anything: every share 1…n is there once, all list the same files, every file was made by a
 * share, and the shares' HTML sites are the same bytes (built from the same commit). Then it writes the site into a
 * temporary folder beside the output and swaps it in, as `npm run build` does: on any error the output folder stays
 * as it was. Exit 0 gathered; 2 the shares do not fit together (a Dutch message says why); 1 another failure.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../src/node/files.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../src/node/shards.ts';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

class GatherError extends Error {}

function gather(argv: string[]): void {
  const at = argv.indexOf('--out');
  if (at < 0 || !argv[at + 1])
    throw new GatherError('Geef de uitvoermap met --out, bijvoorbeeld: npm run gather -- --out dist deel-1 deel-2');
  const out = path.resolve(argv[at + 1]!);
  const dirs = argv.filter((_, i) => i !== at && i !== at + 1).map((d) => path.resolve(d));
  if (!dirs.length)
    throw new GatherError('Geef de mappen van de delen, bijvoorbeeld: npm run gather -- --out dist deel-1 deel-2');
  const shares = dirs.map((dir) => {
    const file = path.join(dir, SHARD_MANIFEST);
    if (!fs.existsSync(file))
      throw new GatherError(`${dir}: geen ${SHARD_MANIFEST}. Is deze map gebouwd met npm run build -- --shard i/n?`);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ShardManifest;
    const [index, count] = manifest.shard.split('/').map(Number) as [number, number];
    return { dir, manifest, index, count };
  });
  const count = shares[0]!.count;
  const indices = shares.map((s) => s.index).sort((a, b) => a - b);
  if (shares.some((s) => s.count !== count))
    throw new GatherError(
      `De delen horen bij verschillende verdelingen: ${shares.map((s) => s.manifest.shard).join(', ')}.`,
    );
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !indices.includes(i));
  if (missing.length || indices.length !== count) {
    throw new GatherError(
      `Verwacht de delen 1 tot en met ${count}, elk één keer; gekregen: ${indices.join(', ')}${missing.length ? ` (ontbreekt: ${missing.join(', ')})` : ''}.`,
    );
  }
  const all = shares[0]!.manifest.all;
  for (const s of shares) {
    if (JSON.stringify(s.manifest.all) !== JSON.stringify(all))
      throw new GatherError(
        `${s.dir} is van een andere site dan ${shares[0]!.dir} (andere lijst bestanden). Bouw alle delen van dezelfde commit.`,
      );
  }
  const madeBy = new Map<string, string>();
  for (const s of shares) for (const f of s.manifest.made) madeBy.set(f, s.dir);
  const notMade = all.filter((f) => !madeBy.has(f));
  if (notMade.length)
    throw new GatherError(`${notMade.length} bestanden zijn door geen enkel deel gemaakt, bijvoorbeeld ${notMade[0]}.`);
  // The HTML site (everything but the generated files and the manifest) must be the same in every share.
  const generated = new Set([...all, SHARD_MANIFEST]);
  const base = shares[0]!;
  const site = filesUnder(base.dir).filter((f) => !generated.has(f));
  const digests = new Map(site.map((f) => [f, sha(path.join(base.dir, f))]));
  for (const s of shares.slice(1)) {
    const other = filesUnder(s.dir).filter((f) => !generated.has(f));
    const have = new Set(other);
    const differ =
      site.find((f) => !have.has(f)) ??
      other.find((f) => !digests.has(f)) ??
      other.find((f) => digests.get(f) !== sha(path.join(s.dir, f)));
    if (differ !== undefined) {
      throw new GatherError(
        `${s.dir} verschilt van ${base.dir} in ${differ}. Bouw alle delen van dezelfde commit en inhoud.`,
      );
    }
  }
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}-verzamel-${process.pid}`);
  const old = path.join(path.dirname(out), `.${path.basename(out)}-oud-${process.pid}`);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.cpSync(base.dir, tmp, { recursive: true });
    fs.rmSync(path.join(tmp, SHARD_MANIFEST), { force: true });
    for (const f of all) fs.copyFileSync(path.join(madeBy.get(f)!, f), path.join(tmp, f));
    if (fs.existsSync(out)) fs.renameSync(out, old);
    fs.renameSync(tmp, out);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `${count} delen samengevoegd in ${path.relative(process.cwd(), out) || out}: ${site.length} sitebestanden, ${all.length} PDF- en Word-bestanden.`,
  );
}

try {
  gather(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof GatherError ? e.message : `Samenvoegen mislukt: ${(e as Error).message}`);
  process.exitCode = e instanceof GatherError ? 2 : 1;
}
