import { ContentError } from '../errors/content-error.ts';
import { parseYamlWith } from '../yaml/parse-yaml.ts';
import { placeholdersOf } from '../render/fill-template.ts';
import { ClauseFrontmatterSchema, type Clause } from './clause.ts';

/**
 * Parses one clause file: YAML frontmatter between `---` lines, then the body.
 *
 * @param text the whole file.
 * @param id the clause id, `<section>/<slug>` (its path under `content/clauses` without `.md`).
 * @param file the path shown in messages.
 * @throws ContentError when the frontmatter is missing or invalid, its `section` is not the folder,
 *   the body is empty, or the body uses a placeholder that is not declared (or declares one it never uses).
 */
export function parseClauseFile(text: string, id: string, file: string): Clause {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) {
    throw new ContentError([{ file, line: 1, message: 'het bestand begint niet met frontmatter tussen twee regels `---`.' }]);
  }
  const { data, located } = parseYamlWith(ClauseFrontmatterSchema, m[1]!, file, 1);
  const body = m[2]!.trim();
  const bodyLine = m[1]!.split('\n').length + 3;
  const problems = [];
  const folder = id.split('/')[0];
  if (data.section !== folder) {
    problems.push({
      file,
      line: located.lineOf(['section']),
      field: 'section',
      message: `is \`${data.section}\`, maar het bestand staat in de map \`${folder}\`. Verplaats het bestand of pas \`section\` aan.`,
    });
  }
  if (!body) problems.push({ file, line: bodyLine, message: 'de tekst van de bepaling ontbreekt onder de frontmatter.' });
  const used = placeholdersOf(body);
  for (const name of used) {
    if (!name.startsWith('school.') && !(name in data.variables)) {
      problems.push({ file, line: bodyLine, message: `\`{{${name}}}\` staat in de tekst, maar er is geen variabele \`${name}\`. Voeg die toe onder \`variables\`.` });
    }
  }
  for (const name of Object.keys(data.variables)) {
    if (!used.includes(name)) {
      problems.push({ file, line: located.lineOf(['variables', name]), field: `variables.${name}`, message: `wordt niet gebruikt in de tekst. Gebruik {{${name}}} of verwijder de variabele.` });
    }
  }
  if (problems.length) throw new ContentError(problems);
  return { ...data, id, body, file };
}
