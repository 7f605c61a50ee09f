/**
 * The fast check of the clause library against the reference models, without building the site:
 * `npx tsx scripts/check-clauses.ts [section or clause id]`. Prints every problem as `file:line: field: message [rule]`
 * with the other file it concerns (`zie ook: …`), then counts: clauses, sources by wording, clauses that rest on a
 * basis only. Exit 0 when the library is sound, 1 otherwise (also for an invalid clause file).
 */
import { ContentError, formatProblem, type Problem } from '../src/lib/errors/content-error.ts';
import { checkLibraryAndModels } from '../src/lib/model/check-library.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';

/** One problem as a terminal line, with its rule id and the other places it concerns. */
function line(p: Problem): string {
  const related = (p.related ?? [])
    .map((r) => `\n    zie ook: ${r.line ? `${r.file}:${r.line}` : r.file}${r.field ? ` (${r.field})` : ''}`)
    .join('');
  return `${formatProblem(p)}${p.rule ? ` [${p.rule}]` : ''}${related}`;
}

try {
  const only = process.argv[2];
  const library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  const chosen = [...library.clauses.values()].filter((c) => !only || c.section === only || c.id === only);
  const files = new Set(chosen.map((c) => c.file));
  const problems = checkLibraryAndModels(library, models).filter(
    (p) => !only || files.has(p.file) || (p.related ?? []).some((r) => files.has(r.file)),
  );
  for (const p of problems) console.log(line(p));
  const count = { template: 0, edited: 0, own: 0 };
  for (const c of chosen) for (const s of c.sources) count[s.wording]++;
  const basisOnly = chosen.filter((c) => c.sources.length === 0).length;
  console.log(
    `${chosen.length} bepalingen (${basisOnly} alleen op een grondslag, zonder model); bronnen: ${count.template} letterlijk herbouwd, ${count.edited} bewerkt, ${count.own} eigen formulering; problemen: ${problems.length}`,
  );
  process.exit(problems.some((p) => (p.severity ?? 'error') === 'error') ? 1 : 0);
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  for (const p of e.problems) console.log(line(p));
  process.exit(1);
}
