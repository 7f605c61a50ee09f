/**
 * Checks the clause library against the reference models: `tsx scripts/check-clauses.ts [section]`.
 * Prints each problem and a count of sources reproduced by the template; exits 1 on problems.
 */
import { checkClauseSources } from '../src/lib/model/check-sources.ts';
import { ContentError, formatProblem } from '../src/lib/errors/content-error.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../src/node/load-content.ts';

try {
  const models = loadReferenceModels();
  const choicePoints = loadChoicePoints();
  const only = process.argv[2];
  const clauses = [...loadClauses().values()].filter((c) => !only || c.section === only);
  let template = 0;
  let own = 0;
  let bad = 0;
  for (const c of clauses) {
    const problems = checkClauseSources(c, models);
    if (c.choicePoint && !choicePoints.has(c.choicePoint)) {
      problems.push({ file: c.file, field: 'choicePoint', message: `onbekend keuzepunt \`${c.choicePoint}\`; zie content/choice-points.yaml.` });
    }
    for (const p of problems) console.log(formatProblem(p));
    bad += problems.length;
    for (const s of c.sources) {
      if (s.wording === 'template') template++;
      else own++;
    }
  }
  console.log(`${clauses.length} bepalingen; bronnen uit de tekst herbouwd: ${template}, eigen formulering: ${own}; problemen: ${bad}`);
  process.exit(bad ? 1 : 0);
} catch (e) {
  console.log(e instanceof ContentError ? e.message : String(e));
  process.exit(1);
}
