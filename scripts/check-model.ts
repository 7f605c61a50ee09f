/**
 * Checks one or all reference models against their source text:
 * `tsx scripts/check-model.ts [id]`. Prints each difference; exits 1 when there are any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseYamlWith } from '../src/lib/yaml/parse-yaml.ts';
import { ReferenceModelSchema } from '../src/lib/schema/reference-model.ts';
import { checkFidelity } from '../src/lib/model/fidelity.ts';
import { ContentError } from '../src/lib/errors/content-error.ts';
import { contentDir, rel } from '../src/node/paths.ts';

const dir = path.join(contentDir(), 'reference-models');
const ids = process.argv[2]
  ? [process.argv[2]]
  : fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'model.yaml')));
let failed = false;
for (const id of ids) {
  const file = path.join(dir, id, 'model.yaml');
  try {
    const { data } = parseYamlWith(ReferenceModelSchema, fs.readFileSync(file, 'utf8'), rel(file));
    const report = checkFidelity(data, fs.readFileSync(path.join(dir, id, 'source.txt'), 'utf8'));
    const articles = data.sections.flatMap((s) => s.parts.filter((p) => 'article' in p)).length;
    if (report.problems.length) {
      failed = true;
      console.log(`${id}: NIET trouw aan de bron\n${report.problems.join('\n')}`);
    } else console.log(`${id}: trouw (${report.sourceWords} woorden, ${articles} artikelen)`);
  } catch (e) {
    failed = true;
    console.log(e instanceof ContentError ? e.message : String(e));
  }
}
process.exit(failed ? 1 : 0);
