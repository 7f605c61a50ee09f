import { ContentError, type Problem } from '../errors/content-error.ts';
import { parseYamlWith } from '../yaml/parse-yaml.ts';
import { ClauseFrontmatterSchema, type Clause } from './clause.ts';
import { isSchoolField, placeholdersOf, SCHOOL_FIELDS } from './placeholders.ts';

/**
 * Parses one clause file: YAML frontmatter between `---` lines, then the body.
 *
 * Rule ids of the problems: `clause-frontmatter` (no frontmatter), `yaml-syntax`, `clause-schema` (a field the
 * schema refuses), `section-folder`, `empty-body`, `unknown-school-field`, `undeclared-placeholder`, `unused-variable`.
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
    throw new ContentError([
      {
        file,
        line: 1,
        rule: 'clause-frontmatter',
        message: 'het bestand begint niet met frontmatter tussen twee regels `---`.',
      },
    ]);
  }
  let parsed: ReturnType<typeof parseYamlWith<typeof ClauseFrontmatterSchema>>;
  try {
    parsed = parseYamlWith(ClauseFrontmatterSchema, m[1]!, file, 1);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    // Schema problems get their rule id here; YAML syntax problems keep theirs (or get `yaml-syntax`).
    const isSyntax = (p: Problem) => p.message.startsWith('ongeldige YAML');
    throw new ContentError(
      e.problems.map((p) => ({ ...p, rule: p.rule ?? (isSyntax(p) ? 'yaml-syntax' : 'clause-schema') })),
    );
  }
  const { data, located } = parsed;
  const body = m[2]!.trim();
  const bodyLine = m[1]!.split('\n').length + 3;
  const problems: Problem[] = [];
  const folder = id.split('/')[0];
  if (data.section !== folder) {
    problems.push({
      file,
      line: located.lineOf(['section']),
      field: 'section',
      rule: 'section-folder',
      message: `is \`${data.section}\`, maar het bestand staat in de map \`${folder}\`. Verplaats het bestand of pas \`section\` aan.`,
    });
  }
  if (!body)
    problems.push({
      file,
      line: bodyLine,
      rule: 'empty-body',
      message: 'de tekst van de bepaling ontbreekt onder de frontmatter.',
    });
  const used = placeholdersOf(body);
  for (const name of used) {
    if (name.startsWith('school.') && !isSchoolField(name.slice('school.'.length))) {
      problems.push({
        file,
        line: bodyLine,
        rule: 'unknown-school-field',
        message: `\`{{${name}}}\` is geen schoolgegeven. Gebruik een van: ${Object.keys(SCHOOL_FIELDS)
          .map((f) => `{{school.${f}}}`)
          .join(', ')}.`,
      });
    }
    if (!name.startsWith('school.') && !(name in data.variables)) {
      problems.push({
        file,
        line: bodyLine,
        rule: 'undeclared-placeholder',
        message: `\`{{${name}}}\` staat in de tekst, maar er is geen variabele \`${name}\`. Voeg die toe onder \`variables\`.`,
      });
    }
  }
  for (const name of Object.keys(data.variables)) {
    if (!used.includes(name)) {
      problems.push({
        file,
        line: located.lineOf(['variables', name]),
        field: `variables.${name}`,
        rule: 'unused-variable',
        message: `wordt niet gebruikt in de tekst. Gebruik {{${name}}} of verwijder de variabele.`,
      });
    }
  }
  if (problems.length) throw new ContentError(problems);
  const lines: Record<string, number> = { body: bodyLine };
  const note = (path: (string | number)[]) => {
    const line = located.lineOf(path);
    if (line) lines[path.join('.')] = line;
  };
  note(['choicePoint']);
  note(['sources']);
  data.sources.forEach((_s, i) => note(['sources', i]));
  data.requires.forEach((_r, i) => note(['requires', i]));
  data.basis.forEach((_b, i) => note(['basis', i]));
  return { ...data, id, body, file, lines };
}
