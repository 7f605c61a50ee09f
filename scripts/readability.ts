/**
 * Prints the Flesch-Douma spread of the library's summaries and article texts, and the hardest summaries,
 * for the people who edit clauses (`npm run readability`).
 */
import { libraryReadability } from '../src/lib/readability/library-readability.ts';
import { loadSite } from '../src/node/site-data.ts';

const { library } = loadSite();
const r = libraryReadability(library);
const line = (name: string, s: typeof r.summaries) =>
  `${name}: laagste ${s.min}, mediaan ${s.median}, hoogste ${s.max}; ${s.atLeast} van ${s.count} halen 60 (B1)`;
console.log(line('Samenvattingen', r.summaries));
console.log(line('Teksten', r.articles));
const hardest = [...r.byClause]
  .filter(([, v]) => v.summary)
  .sort((a, b) => a[1].summary!.score - b[1].summary!.score)
  .slice(0, 5);
console.log('Moeilijkste samenvattingen:');
for (const [id, v] of hardest) console.log(`  ${v.summary!.score}  ${id}`);
