import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `root/dir` (or `dir` itself when it is a file), sorted, as paths relative to `root` (joined to
 * `dir`, with the platform's separator); `[]` when `root/dir` does not exist.
 *
 * @param root the folder the paths are relative to. @param dir a folder (or file) in it; `'.'` for all of `root`.
 * @param skip leaves out the paths (relative to `root`) for which it returns true; default none.
 */
export function filesUnder(root: string, dir = '.', skip: (rel: string) => boolean = () => false): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [dir];
  return (fs.readdirSync(full, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => !skip(f) && fs.statSync(path.join(root, f)).isFile())
    .sort();
}
