import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Splitting the PDF and Word step across machines: `npm run build -- --shard i/n` (or `PROTOCOLWIJZER_SHARD=i/n`)
 * builds the whole HTML site but only the generated files whose output path falls in share i of n
 * ({@link inShard}); `npm run gather` (scripts/gather.ts) puts the shares together into one site.
 * Each sharded build leaves a manifest ({@link SHARD_MANIFEST}) in its output that lists every generated file of
 * the whole site and the ones this share made.
 */

/** One share of n, 1-based: `{ index: 2, count: 4 }` for `2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** The manifest a sharded build leaves in its output folder (a dot file: a static server does not serve it). */
export const SHARD_MANIFEST = '.protocolwijzer-deel.json';

/** What {@link SHARD_MANIFEST} holds. */
export interface ShardManifest {
  /** `i/n`. */
  shard: string;
  /** Every generated file of the whole site (site paths relative to the output folder), sorted. */
  all: string[];
  /** The files this share wrote, sorted. */
  made: string[];
}

/**
 * Reads `--shard i/n` from the arguments, else `PROTOCOLWIJZER_SHARD`; undefined when neither is given.
 *
 * @throws Error in Dutch when the value is not `i/n` with 1 ≤ i ≤ n.
 */
export function shardFrom(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Shard | undefined {
  const at = argv.findIndex((a) => a === '--shard' || a.startsWith('--shard='));
  const value = at >= 0 ? (argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1]) : env.PROTOCOLWIJZER_SHARD;
  if (value === undefined || value === '') return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count) {
    throw new Error(`--shard ${value}: geef het deel als i/n, met i van 1 tot en met n, bijvoorbeeld --shard 2/4.`);
  }
  return { index, count };
}

/**
 * Whether the file at `outputPath` belongs to `shard`: the first 8 hex digits of the SHA-256 of the path, modulo n,
 * equal i − 1. Stable across machines and runs; every path is in exactly one share. Without a shard, always true.
 *
 * @param outputPath the file's site path, e.g. `/protocollen/de-linde/de-linde.pdf`.
 */
export function inShard(outputPath: string, shard: Shard | undefined): boolean {
  if (!shard) return true;
  const n = parseInt(createHash('sha256').update(outputPath).digest('hex').slice(0, 8), 16);
  return n % shard.count === shard.index - 1;
}

/**
 * Adds one step's files to the manifest in `out` (created on first use): each step (PDFs, Word) lists every file
 * it would generate for the whole site and the ones it wrote. The PDF and Word steps run side by side
 * (scripts/build.ts), so each takes a lock (a folder beside the manifest, made atomically) around its
 * read-modify-write.
 *
 * @throws Error when the lock stays taken for 30 s (a step that died holding it).
 */
export function recordShard(out: string, shard: Shard, all: readonly string[], made: readonly string[]): void {
  const file = path.join(out, SHARD_MANIFEST);
  const lock = `${file}.slot`;
  const waitUntil = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (Date.now() > waitUntil) throw new Error(`${lock} bleef 30 s bezet; is een eerdere stap vastgelopen?`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    const manifest: ShardManifest = fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ShardManifest)
      : { shard: `${shard.index}/${shard.count}`, all: [], made: [] };
    manifest.all = [...new Set([...manifest.all, ...all])].sort();
    manifest.made = [...new Set([...manifest.made, ...made])].sort();
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 1)}\n`);
    fs.renameSync(`${file}.tmp`, file);
  } finally {
    fs.rmdirSync(lock);
  }
}
